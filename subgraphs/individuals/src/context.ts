import type { AuditLog, PartnerRegistry, Agencies, WithAuth, WithStaleRecorder } from '@egov/shared';
import type { IndividualsRegistry } from './registry/index.js';

export interface Context extends WithStaleRecorder, WithAuth {
  registry: IndividualsRegistry;
  /** The request's clock, so "valid today" is decided once per request. */
  now: Date;
  /** For the access-log queries: the trail itself, and names of partners and agencies. */
  audit: AuditLog;
  partners: PartnerRegistry;
  agencies: Agencies;
}
