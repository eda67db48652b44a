import type { WithAuth, WithStaleRecorder } from '@egov/subgraph-kit';
import type { LegalEntitiesRegistry } from './registry/index.js';

export interface Context extends WithStaleRecorder, WithAuth {
  registry: LegalEntitiesRegistry;
}
