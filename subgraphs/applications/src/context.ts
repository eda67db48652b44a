import type { Catalog, FeeSchedule, WorkingCalendar } from '@egov/domain';
import type { Agencies } from '@egov/security';
import type { WithAuth } from '@egov/subgraph-kit';
import type DataLoader from 'dataloader';
import type { ApplicationService } from './applications/service.js';
import type { ApplicationStore, StoredApplication } from './applications/store.js';
import type { AttachmentRepository } from './attachments/index.js';
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
  agencies: Agencies;
}

export interface Context extends WithAuth {
  /** Per-request batched reads of our applications, by applicant. */
  applicationsOf: DataLoader<string, StoredApplication[]>;
  /** Per-request batched reads of delivery states, by application number. */
  deliveryOf: DataLoader<string, DeliveryState | null>;
  app: ApplicationsApp;
  now: Date;
}
