import { BIN_KINDS, BIN_TYPES, type LegalEntityRecord } from '@egov/contracts';
import { notFound } from '@egov/core';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';

const REGISTRY = 'legal-entities';

export async function loadEntity(bin: string, context: Context): Promise<LegalEntityRecord> {
  await context.auth.require({ kind: 'legal-entity', bin });
  const entity = await context.registry.entity.load(bin);
  if (!entity) throw notFound('legal entity', REGISTRY);
  return entity;
}

/** The organisations a person heads or founded (optionally one role), for `Person.legalEntities` and `legalEntitiesOf`. */
async function legalEntitiesOf(iin: string, role: string | null | undefined, context: Context): Promise<LegalEntityRecord[]> {
  await context.auth.require({ kind: 'participations', iin });
  const participations = await context.registry.participations.load(iin);
  const bins = participations.filter((p) => !role || p.roles.includes(role as never)).map((p) => p.bin);
  return loadAll(bins, context);
}

/** Entities a record points at (branches, parent) must exist; a dangling reference is a registry fault, not a null. */
async function loadAll(bins: string[], context: Context): Promise<LegalEntityRecord[]> {
  return Promise.all(bins.map((bin) => loadEntity(bin, context)));
}

export const legalEntityResolvers: Resolvers = {
  Query: {
    legalEntity: (_root, { bin }, context) => loadEntity(bin, context),
    legalEntitiesOf: (_root, { iin, role }, context) => legalEntitiesOf(iin, role, context),
  },
  LegalEntity: {
    // A caller who may not read the company keeps the reference: each field is then refused at its own
    // path (null, FORBIDDEN) and the rest of the answer, the key included, arrives. Unknown or not yours
    // look the same.
    __resolveReference: async (reference, context) =>
      (await context.auth.mayRead({ kind: 'legal-entity', bin: reference.bin })) ? loadEntity(reference.bin, context) : (reference as never),
    name: (entity, { language }) => (language === 'KK' ? entity.nameKk : entity.nameRu),
    shortName: (entity, { language }) => (language === 'KK' ? entity.shortNameKk : entity.shortNameRu),
    residency: (entity) => (BIN_TYPES[entity.bin[4] as keyof typeof BIN_TYPES] === 'NON_RESIDENT' ? 'NON_RESIDENT' : 'RESIDENT'),
    kind: (entity) => BIN_KINDS[entity.bin[5] as keyof typeof BIN_KINDS],
    head: (entity) => (entity.headIin ? { iin: entity.headIin } : null),
    parent: (entity, _args, context) => (entity.parentBin ? loadEntity(entity.parentBin, context) : null),
    branches: (entity, _args, context) => loadAll(entity.branchBins, context),
  },
  Founder: {
    kind: (founder) => (founder.type === 'ENTITY' ? 'LEGAL_ENTITY' : founder.type),
    person: (founder) => (founder.type === 'PERSON' ? { iin: founder.iin } : null),
    legalEntity: (founder, _args, context) => (founder.type === 'ENTITY' ? loadEntity(founder.bin, context) : null),
    name: (founder) => (founder.type === 'FOREIGN' ? founder.name : null),
    countryCode: (founder) => (founder.type === 'FOREIGN' ? founder.countryCode : null),
  },
  Person: {
    __resolveReference: (reference) => ({ iin: reference.iin }),
    legalEntities: (person, { role }, context) => legalEntitiesOf(person.iin, role, context),
  },
};
