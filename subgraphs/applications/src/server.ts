import { FeeSchedule, loadCalendar, loadCatalog } from '@egov/domain';
import { ConcurrencyLimit, createBatchLoader, groupedBy } from '@egov/registry-client';
import { TrustStore } from '@egov/security/signatures';
import { createSubgraphKit, createSubgraphServer, loadTypeDefs, registryHealth, type SubgraphOptions } from '@egov/subgraph-kit';
import DataLoader from 'dataloader';
import { ApplicationService } from './applications/service.js';
import { ApplicationStore, applicationResource, type StoredApplication } from './applications/store.js';
import { AttachmentRepository, BlobStore, createUploadRoute } from './attachments/index.js';
import { countUploads } from './attachments/upload-metrics.js';
import type { ApplicationsConfig } from './config.js';
import type { ApplicationsApp, Context } from './context.js';
import { APPLICATIONS_SCHEMA } from './database-schema.js';
import { RegistryChecks } from './degraded/registry-checks.js';
import { createReread } from './degraded/reread.js';
import { Outbox } from './delivery/outbox.js';
import { EvidenceService } from './evidence/evidence.js';
import { loadEvidenceSigningKey } from './evidence/keys.js';
import { inputRules } from './inputs.js';
import { createApplicationsRegistry } from './registry/index.js';
import { resolvers } from './resolvers/index.js';

export { type ApplicationsConfig, loadConfig } from './config.js';
export { DATABASE_SCHEMA } from './database-schema.js';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

/**
 * The applications subgraph, the portal's own: the public-service catalog, working-day due dates, drafts
 * prefilled from the registries, submissions, officers' decisions, the upload endpoint for scans, and the
 * outbox that delivers accepted applications to Е-лицензирование.
 */
export function createApplicationsSubgraph(config: Omit<ApplicationsConfig, 'port'>, options: SubgraphOptions = {}) {
  const kit = createSubgraphKit('applications', config, options, [APPLICATIONS_SCHEMA]);
  const { logger, clock, pool } = kit;
  const clients = {
    licensing: kit.client('licensing', config.registries.licensing),
    individuals: kit.client('individuals', config.registries.individuals),
    legalEntities: kit.client('legal-entities', config.registries.legalEntities),
    payments: kit.client('payments', config.registries.payments),
  };
  let trust: Promise<TrustStore> | undefined;
  const trustStore = () => (trust ??= TrustStore.fromFiles(config.signatures));
  const store = new ApplicationStore(pool);
  const attachments = new AttachmentRepository(pool);
  const catalog = loadCatalog(config.catalogDir);
  const calendar = loadCalendar(config.calendarDir);
  const fees = FeeSchedule.fromFiles({ mrpTable: config.fees.mrpTable, feeRates: config.fees.rates });
  const registry = createApplicationsRegistry(clients, options.cache);
  const outbox = new Outbox(pool, registry.deliverApplication, logger, { ...config.delivery, metrics: options.metrics });
  const evidence = new EvidenceService(pool, loadEvidenceSigningKey(config.evidence), clock);
  options.metrics?.outboxBacklog(() => outbox.backlog());
  const registryChecks = new RegistryChecks(pool, createReread({ catalog, fees, calendar, registry, store, clock }), logger, config.registryCheck, (outcome) =>
    options.metrics?.registryRecheck(outcome),
  );
  const applications = new ApplicationService({
    catalog,
    fees,
    calendar,
    registry,
    store,
    attachments,
    logger,
    clock,
    idempotency: options.idempotency,
    idempotencyTiming: config.idempotency,
    // The queue is bounded by the wait; its length only caps memory under an absurd flood.
    admission: config.admission && new ConcurrencyLimit(config.admission.maxConcurrency, 10_000, config.admission.maxWaitMs),
    trust: trustStore,
    evidence,
    onAccepted: () => outbox.kick(),
    registryChecks,
  });
  const app: ApplicationsApp = {
    catalog,
    fees,
    calendar,
    applications,
    store,
    attachments,
    outbox,
    evidence,
    registryChecks,
    agencies: kit.security.authz.agencies,
  };
  const blobs = new BlobStore(config.attachments.dir, config.attachments.maxBytes);
  let sweep: NodeJS.Timeout | undefined;

  const server = createSubgraphServer<Context>({
    name: 'applications',
    typeDefs,
    resolvers,
    logger,
    security: kit.security,
    ...kit.observability,
    inputs: inputRules,
    guard: {
      Person: (person: { iin: string }) => ({ kind: 'applications', holderId: person.iin }),
      LegalEntity: (entity: { bin: string }) => ({ kind: 'applications', holderId: entity.bin }),
      Application: applicationResource,
      ApplicationReceipt: ({ application }: { application: StoredApplication }) => applicationResource(application),
      SignedEvidence: ({ application }: { application: StoredApplication }) => applicationResource(application),
      ApplicationDraft: (draft: { snapshot: { id: string } }) => ({ kind: 'act-for', applicantId: draft.snapshot.id }),
    },
    context: async (_req, auth) => ({
      auth,
      deliveryOf: createBatchLoader((numbers) => outbox.statesOf(numbers)),
      registryCheckOf: createBatchLoader((numbers) => registryChecks.statesOf(numbers)),
      applicationsOf: new DataLoader(async (ids: readonly string[]) => {
        const groups = groupedBy(ids, await store.ofApplicants(ids), (a) => a.applicantId);
        return ids.map((id) => groups.get(id)!);
      }),
      app,
      now: clock(),
    }),
    routes: {
      'POST /attachments': countUploads(
        createUploadRoute({ store: blobs, attachments, limits: { maxFiles: config.attachments.maxFilesPerRequest }, logger }),
        options.metrics,
      ),
    },
    readiness: kit.readiness,
    health: registryHealth(Object.values(clients), options.cache),
    beforeStart: async () => {
      await trustStore();
      await kit.migrate();
      sweep = setInterval(() => {
        applications
          .applyDeemedIssuance()
          .then((moved) => options.metrics?.deemedIssuanceMoves(moved.length))
          .catch((error: unknown) => logger.warn('deemed-issuance sweep failed', { error }));
      }, config.deemedIssuanceEveryMs);
      sweep.unref();
      outbox.start();
      registryChecks.start();
    },
    afterStop: async () => {
      clearInterval(sweep);
      await outbox.stop();
      await registryChecks.stop();
      await pool.end();
    },
  });
  return Object.assign(server, { app, pool });
}
