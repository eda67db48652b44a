import type { LegalEntitiesRegistry } from './registry/index.js';

export interface Context {
  registry: LegalEntitiesRegistry;
}
