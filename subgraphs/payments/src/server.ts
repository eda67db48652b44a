import { type ApplicantRef, applicantIdOf } from '@egov/contracts';
import { FeeSchedule, loadCatalog } from '@egov/domain';
import { StaleRecorder } from '@egov/registry-client';
import { migrate } from '@egov/stores';
import { createSubgraphKit, createSubgraphServer, loadTypeDefs, registryHealth, type SubgraphOptions } from '@egov/subgraph-kit';
import type { PaymentsConfig } from './config.js';
import type { Context } from './context.js';
import { inputRules } from './inputs.js';
import { OrderKeys } from './orders/order-keys.js';
import { createPaymentsRegistry } from './registry/index.js';
import { resolvers } from './resolvers/index.js';

export { loadConfig, type PaymentsConfig } from './config.js';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));
const MIGRATIONS = new URL('../migrations/', import.meta.url);

/** The payments subgraph (ПШЭП): Payment, Person.payments, LegalEntity.payments, and fee payment orders. */
export function createPaymentsSubgraph(config: Omit<PaymentsConfig, 'port'>, options: SubgraphOptions = {}) {
  const kit = createSubgraphKit('payments', config, options);
  const client = kit.client('payments', config.registry);
  const catalog = loadCatalog(config.catalogDir);
  const fees = FeeSchedule.fromFiles({ mrpTable: config.fees.mrpTable, feeRates: config.fees.rates });
  const orderKeys = new OrderKeys(kit.pool);
  return createSubgraphServer<Context>({
    name: 'payments',
    typeDefs,
    resolvers,
    logger: kit.logger,
    security: kit.security,
    ...kit.observability,
    inputs: inputRules,
    guard: {
      Person: (person: { iin: string }) => ({ kind: 'payments', holderId: person.iin }),
      LegalEntity: (entity: { bin: string }) => ({ kind: 'payments', holderId: entity.bin }),
      Payment: (payment: { payerId: string }) => ({ kind: 'payments', holderId: payment.payerId }),
      // paymentsOf(payerId:) reads what Person.payments / LegalEntity.payments read.
      Query: (_root: unknown, field: string, args: { payerId?: ApplicantRef }) =>
        field === 'paymentsOf' && args.payerId ? { kind: 'payments', holderId: applicantIdOf(args.payerId) } : null,
    },
    context: async (_req, auth) => {
      const stale = new StaleRecorder();
      return {
        auth,
        registry: createPaymentsRegistry(client, options.cache, stale),
        stale,
        catalog,
        fees,
        now: kit.clock(),
        idempotency: options.idempotency,
        orderKeys,
      };
    },
    health: registryHealth([client], options.cache),
    readiness: kit.readiness,
    beforeStart: async () => {
      const applied = await migrate(kit.pool, 'payments', MIGRATIONS);
      if (applied.length > 0) kit.logger.info('migrations applied', { applied });
    },
    afterStop: () => kit.pool.end(),
  });
}
