import { createLogger, createSubgraphServer, loadTypeDefs, RegistryClient, registryHealth, StaleRecorder, type SubgraphOptions } from '@egov/shared';
import type { LegalEntitiesConfig } from './config.js';
import type { Context } from './context.js';
import { createLegalEntitiesRegistry } from './registry/index.js';
import { resolvers } from './resolvers/index.js';

export { loadConfig, type LegalEntitiesConfig } from './config.js';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** The legal-entities subgraph (ГБД ЮЛ): LegalEntity by BIN, Person.legalEntities and `applicant`. */
export function createLegalEntitiesSubgraph(config: Omit<LegalEntitiesConfig, 'port'>, options: SubgraphOptions = {}) {
  const logger = options.logger ?? createLogger('legal-entities');
  const clients = {
    legalEntities: new RegistryClient({ registry: 'legal-entities', ...options.registryClient, ...config.registries.legalEntities, logger }),
    individuals: new RegistryClient({ registry: 'individuals', ...options.registryClient, ...config.registries.individuals, logger }),
  };
  return createSubgraphServer<Context>({
    name: 'legal-entities',
    typeDefs,
    resolvers,
    logger,
    context: async () => {
      const stale = new StaleRecorder();
      return { registry: createLegalEntitiesRegistry(clients, options.cache, stale), stale };
    },
    health: registryHealth([clients.legalEntities, clients.individuals], options.cache),
  });
}
