import type { WithAuth, WithStaleRecorder } from '@egov/subgraph-kit';
import type { LicensingRegistry } from './registry/index.js';

export interface Context extends WithStaleRecorder, WithAuth {
  /** Per-request batched reads of Е-лицензирование. */
  registry: LicensingRegistry;
}
