import type { LicenseRecord } from '@egov/contracts';
import { notFound } from '@egov/core';
import { applicantReference } from '@egov/subgraph-kit';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';

const REGISTRY = 'licensing';

async function loadLicense(number: string, context: Context): Promise<LicenseRecord> {
  context.auth.requireSignedIn();
  const license = await context.registry.license.load(number);
  if (!license) throw notFound('licence', REGISTRY);
  await context.auth.require({ kind: 'licences', holderId: license.holderId });
  return license;
}

async function licensesOf(holderId: string, context: Context): Promise<LicenseRecord[]> {
  await context.auth.require({ kind: 'licences', holderId });
  const licenses = await context.registry.licensesOf.load(holderId);
  return [...licenses].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || a.number.localeCompare(b.number));
}

const named = {
  name: (record: { nameKk: string; nameRu: string }, { language }: { language?: 'KK' | 'RU' | null }) => (language === 'KK' ? record.nameKk : record.nameRu),
};

export const licenseResolvers: Resolvers = {
  Query: {
    license: (_root, { number }, context) => loadLicense(number, context),
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
