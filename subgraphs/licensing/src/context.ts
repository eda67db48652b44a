import type { LicensingRegistry } from './registry/index.js';

export interface Context {
  registry: LicensingRegistry;
}
