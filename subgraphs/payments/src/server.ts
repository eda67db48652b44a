import { createLogger, createSubgraphServer, loadTypeDefs, RegistryClient, registryHealth, StaleRecorder, type SubgraphOptions } from '@egov/shared';
import { loadCatalog } from '@egov/shared/catalog';
import { FeeSchedule } from '@egov/shared/fees';
import type { PaymentsConfig } from './config.js';
import type { Context } from './context.js';
import { createPaymentsRegistry } from './registry/index.js';
import { resolvers } from './resolvers/index.js';

export { loadConfig, type PaymentsConfig } from './config.js';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/** The payments subgraph (ПШЭП): Payment, Person.payments, LegalEntity.payments, and fee payment orders. */
export function createPaymentsSubgraph(config: Omit<PaymentsConfig, 'port'>, options: SubgraphOptions = {}) {
  const logger = options.logger ?? createLogger('payments');
  const clock = options.clock ?? (() => new Date());
  const client = new RegistryClient({ registry: 'payments', ...options.registryClient, ...config.registry, logger });
  const catalog = loadCatalog();
  const fees = FeeSchedule.fromFiles({ mrpTable: config.fees.mrpTable, feeRates: config.fees.rates });
  return createSubgraphServer<Context>({
    name: 'payments',
    typeDefs,
    resolvers,
    logger,
    context: async () => {
      const stale = new StaleRecorder();
      return { registry: createPaymentsRegistry(client, options.cache, stale), stale, catalog, fees, now: clock(), idempotency: options.idempotency };
    },
    health: registryHealth([client], options.cache),
  });
}
