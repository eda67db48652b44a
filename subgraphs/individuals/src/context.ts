import type { WithStaleRecorder } from '@egov/shared';
import type { IndividualsRegistry } from './registry/index.js';

export interface Context extends WithStaleRecorder {
  registry: IndividualsRegistry;
  /** The request's clock, so "valid today" is decided once per request. */
  now: Date;
}
