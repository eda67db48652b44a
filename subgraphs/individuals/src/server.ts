import { createLogger, createSubgraphServer, loadTypeDefs, RegistryClient, registryHealth, StaleRecorder, type SubgraphOptions } from '@egov/shared';
import type { IndividualsConfig } from './config.js';
import type { Context } from './context.js';
import { createIndividualsRegistry } from './registry/index.js';
import { resolvers } from './resolvers/index.js';

export { loadConfig, type IndividualsConfig } from './config.js';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** The individuals subgraph (ГБД ФЛ): Person by IIN. */
export function createIndividualsSubgraph(config: Omit<IndividualsConfig, 'port'>, options: SubgraphOptions = {}) {
  const logger = options.logger ?? createLogger('individuals');
  const clock = options.clock ?? (() => new Date());
  const client = new RegistryClient({ registry: 'individuals', ...options.registryClient, ...config.registry, logger });
  return createSubgraphServer<Context>({
    name: 'individuals',
    typeDefs,
    resolvers,
    logger,
    context: async () => {
      const stale = new StaleRecorder();
      return { registry: createIndividualsRegistry(client, options.cache, stale), stale, now: clock() };
    },
    health: registryHealth([client], options.cache),
  });
}
