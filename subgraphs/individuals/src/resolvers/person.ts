import type { PersonRecord } from '@egov/contracts';
import { kzDate, notFound } from '@egov/core';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';

const REGISTRY = 'individuals';

export async function loadPerson(iin: string, context: Context): Promise<PersonRecord> {
  // Checked before the registry is asked: a forbidden read never leaves our process.
  await context.auth.require({ kind: 'person', iin });
  const person = await context.registry.person.load(iin);
  if (!person) throw notFound('person', REGISTRY);
  return person;
}

export const personResolvers: Resolvers = {
  Query: {
    person: (_root, { iin }, context) => loadPerson(iin, context),
  },
  Person: {
    // A caller who may not read the person keeps the reference: each field is then refused at its own
    // path (null, FORBIDDEN) and the rest of the answer arrives. Unknown or not theirs look the same.
    __resolveReference: async (reference, context) =>
      (await context.auth.mayRead({ kind: 'person', iin: reference.iin })) ? loadPerson(reference.iin, context) : (reference as never),
    fullName: (person) => [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' '),
  },
  IdentityDocument: {
    valid: (document, _args, context) => document.expiresOn >= kzDate(context.now),
  },
  EntrepreneurRegistration: {
    taxAuthority: (registration) => ({ code: registration.taxAuthorityCode, name: registration.taxAuthorityName }),
  },
};
