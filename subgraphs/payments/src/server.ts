import { createLogger, createSubgraphServer, loadTypeDefs, RegistryClient, type Logger } from '@egov/shared';
import type { PaymentsConfig } from './config.js';
import type { Context } from './context.js';
import { createPaymentsRegistry } from './registry/index.js';
import { resolvers } from './resolvers/index.js';

export { loadConfig, type PaymentsConfig } from './config.js';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** The payments subgraph (ПШЭП): Payment, Person.payments, LegalEntity.payments. */
export function createPaymentsSubgraph(config: Omit<PaymentsConfig, 'port'>, logger: Logger = createLogger('payments')) {
  const client = new RegistryClient({ registry: 'payments', ...config.registry, logger });
  return createSubgraphServer<Context>({
    name: 'payments',
    typeDefs,
    resolvers,
    logger,
    context: async () => ({ registry: createPaymentsRegistry(client) }),
  });
}
