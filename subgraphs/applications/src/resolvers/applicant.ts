import type { StoredApplication } from '../applications/store.js';
import { applicationResource } from '../applications/store.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';

/** A holder's applications, each one the caller may see (an officer: those their agency handles). */
async function applicationsOf(holderId: string, context: Context): Promise<StoredApplication[]> {
  await context.auth.require({ kind: 'applications', holderId });
  const all = await context.applicationsOf.load(holderId);
  const visible = await Promise.all(all.map((a) => context.auth.mayRead(applicationResource(a))));
  return all.filter((_a, i) => visible[i]);
}

/** Who applied: persons and organisations, with the applications they filed. */
export const applicantResolvers: Resolvers = {
  Applicant: {
    __resolveType: (applicant) => ('bin' in applicant ? 'LegalEntity' : 'Person'),
  },
  Person: {
    __resolveReference: (reference) => ({ iin: reference.iin }),
    applications: (person, _args, context) => applicationsOf(person.iin, context),
  },
  LegalEntity: {
    __resolveReference: (reference) => ({ bin: reference.bin }),
    applications: (entity, _args, context) => applicationsOf(entity.bin, context),
  },
};
