import type { Logger } from '@egov/core';
import type { Agencies, AuditLog, ConsentGate, PartnerRegistry } from '@egov/security';
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
  /** The access control service (the citizen's consents and withdrawals) and the cache its answers sit in. */
  consents: ConsentGate;
  logger?: Logger;
}
