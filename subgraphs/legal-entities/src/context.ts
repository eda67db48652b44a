import type { WithStaleRecorder } from '@egov/shared';
import type { LegalEntitiesRegistry } from './registry/index.js';

export interface Context extends WithStaleRecorder {
  registry: LegalEntitiesRegistry;
}
