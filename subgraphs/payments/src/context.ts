import type { PaymentsRegistry } from './registry/index.js';

export interface Context {
  registry: PaymentsRegistry;
}
