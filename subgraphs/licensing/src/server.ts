import { createLogger, createSubgraphServer, loadTypeDefs, RegistryClient, type Logger } from '@egov/shared';
import type { LicensingConfig } from './config.js';
import type { Context } from './context.js';
import { createLicensingRegistry } from './registry/index.js';
import { resolvers } from './resolvers/index.js';

export { loadConfig, type LicensingConfig } from './config.js';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** The licensing subgraph (Е-лицензирование): License, Person.licenses, LegalEntity.licenses. */
export function createLicensingSubgraph(config: Omit<LicensingConfig, 'port'>, logger: Logger = createLogger('licensing')) {
  const client = new RegistryClient({ registry: 'licensing', ...config.registry, logger });
  return createSubgraphServer<Context>({
    name: 'licensing',
    typeDefs,
    resolvers,
    logger,
    context: async () => ({ registry: createLicensingRegistry(client) }),
  });
}
