import type { WithAuth, WithStaleRecorder } from '@egov/shared';
import type { LegalEntitiesRegistry } from './registry/index.js';

export interface Context extends WithStaleRecorder, WithAuth {
  registry: LegalEntitiesRegistry;
}
