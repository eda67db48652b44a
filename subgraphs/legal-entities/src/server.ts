import { StaleRecorder } from '@egov/registry-client';
import { createSubgraphKit, createSubgraphServer, loadTypeDefs, registryHealth, type SubgraphOptions } from '@egov/subgraph-kit';
import type { LegalEntitiesConfig } from './config.js';
import type { Context } from './context.js';
import { createLegalEntitiesRegistry } from './registry/index.js';
import { resolvers } from './resolvers/index.js';

export { type LegalEntitiesConfig, loadConfig } from './config.js';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** The legal-entities subgraph (ГБД ЮЛ): LegalEntity by BIN, Person.legalEntities and `applicant`. */
export function createLegalEntitiesSubgraph(config: Omit<LegalEntitiesConfig, 'port'>, options: SubgraphOptions = {}) {
  const kit = createSubgraphKit('legal-entities', config, options);
  const clients = {
    legalEntities: kit.client('legal-entities', config.registries.legalEntities),
    individuals: kit.client('individuals', config.registries.individuals),
  };
  return createSubgraphServer<Context>({
    name: 'legal-entities',
    typeDefs,
    resolvers,
    logger: kit.logger,
    security: kit.security,
    ...kit.observability,
    guard: {
      LegalEntity: (entity: { bin: string }) => ({ kind: 'legal-entity', bin: entity.bin }),
      Person: (person: { iin: string }) => ({ kind: 'participations', iin: person.iin }),
      // legalEntitiesOf(iin:) reads what Person.legalEntities reads.
      Query: (_root: unknown, field: string, args: { iin?: string }) =>
        field === 'legalEntitiesOf' && args.iin ? { kind: 'participations', iin: args.iin } : null,
    },
    context: async (_req, auth) => {
      const stale = new StaleRecorder();
      return { auth, registry: createLegalEntitiesRegistry(clients, options.cache, stale), stale };
    },
    health: registryHealth([clients.legalEntities, clients.individuals], options.cache),
    readiness: kit.readiness,
    afterStop: () => kit.pool.end(),
  });
}
