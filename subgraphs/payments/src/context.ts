import type { Catalog, FeeSchedule } from '@egov/domain';
import type { IdempotencyStore } from '@egov/stores';
import type { WithAuth, WithStaleRecorder } from '@egov/subgraph-kit';
import type { OrderKeys } from './orders/order-keys.js';
import type { PaymentsRegistry } from './registry/index.js';

export interface Context extends WithStaleRecorder, WithAuth {
  registry: PaymentsRegistry;
  catalog: Catalog;
  fees: FeeSchedule;
  now: Date;
  idempotency?: IdempotencyStore;
  /** Who each client idempotency key belongs to (PostgreSQL). */
  orderKeys: OrderKeys;
}
