import type { IndividualsRegistry } from './registry/index.js';

export interface Context {
  registry: IndividualsRegistry;
  /** The request's clock, so "valid today" is decided once per request. */
  now: Date;
}
