import { applicantIdOf, type LicenseRecord } from '@egov/contracts';
import { notFound } from '@egov/core';
import type { Resource } from '@egov/security';
import { applicantReference } from '@egov/subgraph-kit';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';

const REGISTRY = 'licensing';

/** What authorization judges a licence by: whose it is, and its activity (officers read their agency's). */
export const licenceResource = (licence: LicenseRecord): Resource => ({ kind: 'licence', holderId: licence.holderId, activity: licence.activity.code });

/**
 * A licence by number, for `license(number)` and `_entities` alike. To a caller who may not see it, it is
 * answered exactly as an unknown number: licence numbers are not to be probed.
 */
async function loadLicense(number: string, context: Context): Promise<LicenseRecord> {
  context.auth.requireSignedIn();
  const license = await context.registry.license.load(number);
  if (!license || !(await context.auth.mayRead(licenceResource(license)))) throw notFound('licence', REGISTRY);
  return license;
}

/** A holder's licences, newest first; each one the caller may see (an officer: those its agency issues). */
async function licensesOf(holderId: string, context: Context): Promise<LicenseRecord[]> {
  await context.auth.require({ kind: 'licences', holderId });
  const licenses = await context.registry.licensesOf.load(holderId);
  const visible = await Promise.all(licenses.map((licence) => context.auth.mayRead(licenceResource(licence))));
  return licenses.filter((_licence, i) => visible[i]).sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || a.number.localeCompare(b.number));
}

const named = {
  name: (record: { nameKk: string; nameRu: string }, { language }: { language?: 'KK' | 'RU' | null }) => (language === 'KK' ? record.nameKk : record.nameRu),
};

export const licenseResolvers: Resolvers = {
  Query: {
    license: (_root, { number }, context) => loadLicense(number, context),
    licensesOf: (_root, { holderId }, context) => licensesOf(applicantIdOf(holderId), context),
  },
  License: {
    __resolveReference: (reference, context) => loadLicense(reference.number, context),
    holder: (license) => applicantReference(license.holderId),
  },
  LicensedActivity: named,
  Licensor: named,
  Applicant: {
    __resolveType: (applicant) => ('bin' in applicant ? 'LegalEntity' : 'Person'),
  },
  Person: {
    __resolveReference: (reference) => ({ iin: reference.iin }),
    licenses: (person, _args, context) => licensesOf(person.iin, context),
  },
  LegalEntity: {
    __resolveReference: (reference) => ({ bin: reference.bin }),
    licenses: (entity, _args, context) => licensesOf(entity.bin, context),
  },
};
