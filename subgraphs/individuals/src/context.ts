import type { Agencies, AuditLog, PartnerRegistry } from '@egov/security';
import type { WithAuth, WithStaleRecorder } from '@egov/subgraph-kit';
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
