import type { Catalog, FeeSchedule, WorkingCalendar } from '@egov/domain';
import type { Agencies } from '@egov/security';
import type { WithAuth } from '@egov/subgraph-kit';
import type DataLoader from 'dataloader';
import type { ApplicationService } from './applications/service.js';
import type { ApplicationStore, StoredApplication } from './applications/store.js';
import type { AttachmentRepository } from './attachments/index.js';
import type { RegistryCheck, RegistryChecks } from './degraded/registry-checks.js';
import type { DeliveryState, Outbox } from './delivery/outbox.js';
import type { EvidenceService } from './evidence/evidence.js';

/** What lives as long as the process: data loaded at start, the database, the applications service. */
export interface ApplicationsApp {
  catalog: Catalog;
  fees: FeeSchedule;
  calendar: WorkingCalendar;
  applications: ApplicationService;
  store: ApplicationStore;
  attachments: AttachmentRepository;
  outbox: Outbox;
  /** Signed evidence of each application (the registry facts and receipt at submission). */
  evidence: EvidenceService;
  /** Degraded mode: applications submitted while a registry was down, read again once it is back. */
  registryChecks: RegistryChecks;
  agencies: Agencies;
}

export interface Context extends WithAuth {
  /** Per-request batched reads of our applications, by applicant. */
  applicationsOf: DataLoader<string, StoredApplication[]>;
  /** Per-request batched reads of delivery states, by application number. */
  deliveryOf: DataLoader<string, DeliveryState | null>;
  /** Per-request batched reads of degraded-mode registry checks, by application number. */
  registryCheckOf: DataLoader<string, RegistryCheck | null>;
  app: ApplicationsApp;
  now: Date;
}
