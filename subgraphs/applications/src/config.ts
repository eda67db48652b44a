import { resolve } from 'node:path';
import { ConfigError, envDirUrl, envInt, envOptional, envString } from '@egov/core';
import { registryUrl, subgraphs } from '@egov/schema';
import { subgraphBaseFromEnv } from '@egov/security';
import { type IdempotencyTiming, idempotencyTimingFromEnv } from '@egov/stores';
import type { RegistryEndpoint, SubgraphBaseConfig } from '@egov/subgraph-kit';
import type { RegistryCheckOptions } from './degraded/registry-checks.js';
import type { OutboxOptions } from './delivery/outbox.js';
import { type EvidenceConfig, evidenceConfigFromEnv } from './evidence/keys.js';

export interface ApplicationsConfig extends SubgraphBaseConfig {
  port: number;
  registries: {
    /** Е-лицензирование: accepted applications are delivered to it, and licences granted are issued there. */
    licensing: RegistryEndpoint;
    /** Read for drafts and submissions: who the applicant is. */
    individuals: RegistryEndpoint;
    legalEntities: RegistryEndpoint;
    /** Read for drafts and submissions: whether the fee is paid. */
    payments: RegistryEndpoint;
  };
  /** Trusted roots, intermediates and revocation lists (PEM files) for signatures (ЭЦП). */
  signatures: { roots: string[]; intermediates: string[]; crls: string[] };
  attachments: {
    /** Where scans are kept, by content hash. */
    dir: string;
    maxBytes: number;
    maxFilesPerRequest: number;
  };
  fees: {
    /** MRP per year; the shipped table when unset. */
    mrpTable?: string;
    /** Licence-fee rates with their sources; none when unset (amounts then show as unknown). */
    rates?: string;
  };
  /** The catalog of services and the working calendar (CATALOG_DIR, CALENDAR_DIR: ConfigMaps in Kubernetes); the shipped ones when unset. */
  catalogDir?: URL;
  calendarDir?: URL;
  /** How often applications past their deadline are checked for silence-is-consent. */
  deemedIssuanceEveryMs: number;
  /** Delivery of accepted applications to Е-лицензирование (defaults suit production). */
  delivery?: OutboxOptions;
  /** Degraded mode: how often and how persistently registries that were down at submission are read again. */
  registryCheck?: RegistryCheckOptions;
  /** How long a submission's idempotency claim lives without its owner, and how long a duplicate waits for it. */
  idempotency?: IdempotencyTiming;
  /** Submissions at work at once, and how long one waits for its turn before OVERLOADED. */
  admission?: { maxConcurrency: number; maxWaitMs: number };
  /** The key that signs the evidence kept with each application (EVIDENCE_SIGNING_KEY_FILE). */
  evidence: EvidenceConfig;
}

type Env = Record<string, string | undefined>;

function signaturesFromEnv(env: Env): ApplicationsConfig['signatures'] {
  const files = (name: string) =>
    (envOptional(name, env) ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
      .map((f) => resolve(f));
  const config = { roots: files('TRUST_ROOTS'), intermediates: files('TRUST_INTERMEDIATES'), crls: files('TRUST_CRLS') };
  if (config.roots.length === 0)
    throw new ConfigError("TRUST_ROOTS is required: the certification authorities whose signatures (ЭЦП) are accepted (npm start uses the mocks' test CA)");
  return config;
}

export function loadConfig(env: Env = process.env): ApplicationsConfig {
  const timeoutMs = envInt('REGISTRY_TIMEOUT_MS', 3000, env);
  const endpoint = (name: Parameters<typeof registryUrl>[0]) => ({ baseUrl: registryUrl(name, env), timeoutMs });
  return {
    port: envInt('PORT', subgraphs.applications.port, env),
    registries: {
      licensing: endpoint('licensing'),
      individuals: endpoint('individuals'),
      legalEntities: endpoint('legal-entities'),
      payments: endpoint('payments'),
    },
    relations: { baseUrl: registryUrl('legal-entities', env), timeoutMs },
    ...subgraphBaseFromEnv(env),
    signatures: signaturesFromEnv(env),
    evidence: evidenceConfigFromEnv(env),
    attachments: {
      dir: resolve(envString('ATTACHMENTS_DIR', '.data/attachments', env)),
      maxBytes: envInt('ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, env),
      maxFilesPerRequest: envInt('ATTACHMENT_MAX_FILES', 20, env),
    },
    fees: { mrpTable: envOptional('MRP_TABLE_FILE', env), rates: envOptional('FEE_RATES_FILE', env) },
    catalogDir: envDirUrl('CATALOG_DIR', env),
    calendarDir: envDirUrl('CALENDAR_DIR', env),
    deemedIssuanceEveryMs: envInt('DEEMED_ISSUANCE_EVERY_MS', 60_000, env),
    delivery: {
      pollMs: envInt('OUTBOX_POLL_MS', 1_000, env),
      leaseMs: envInt('OUTBOX_LEASE_MS', 30_000, env),
      retryBaseMs: envInt('OUTBOX_RETRY_BASE_MS', 1_000, env),
      retryCapMs: envInt('OUTBOX_RETRY_CAP_MS', 300_000, env),
    },
    idempotency: idempotencyTimingFromEnv(env),
    admission: { maxConcurrency: envInt('SUBMIT_MAX_CONCURRENCY', 16, env), maxWaitMs: envInt('SUBMIT_MAX_WAIT_MS', 3_000, env) },
  };
}
