import type { IdempotencyStore, WithAuth, WithStaleRecorder } from '@egov/shared';
import type { Catalog } from '@egov/shared/catalog';
import type { FeeSchedule } from '@egov/shared/fees';
import type { PaymentsRegistry } from './registry/index.js';

export interface Context extends WithStaleRecorder, WithAuth {
  registry: PaymentsRegistry;
  catalog: Catalog;
  fees: FeeSchedule;
  now: Date;
  idempotency?: IdempotencyStore;
}
