import { resolve } from 'node:path';
import { registryUrl, subgraphs } from '@egov/schema';
import { envInt, envOptional, envRequired, envString } from '@egov/shared';
import type { OutboxOptions } from './delivery/outbox.js';

export interface RegistryEndpoint {
  baseUrl: string;
  timeoutMs: number;
}

export interface LicensingConfig {
  port: number;
  registries: {
    licensing: RegistryEndpoint;
    /** Read for drafts and submissions: who the applicant is. */
    individuals: RegistryEndpoint;
    legalEntities: RegistryEndpoint;
    /** Read for drafts and submissions: whether the fee is paid. */
    payments: RegistryEndpoint;
  };
  databaseUrl: string;
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
  /** How often applications past their deadline are checked for silence-is-consent. */
  deemedIssuanceEveryMs: number;
  /** Delivery of accepted applications to Е-лицензирование (defaults suit production). */
  delivery?: OutboxOptions;
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): LicensingConfig {
  const timeoutMs = envInt('REGISTRY_TIMEOUT_MS', 3000, env);
  const endpoint = (name: Parameters<typeof registryUrl>[0]) => ({ baseUrl: registryUrl(name, env), timeoutMs });
  return {
    port: envInt('PORT', subgraphs.licensing.port, env),
    registries: {
      licensing: endpoint('licensing'),
      individuals: endpoint('individuals'),
      legalEntities: endpoint('legal-entities'),
      payments: endpoint('payments'),
    },
    databaseUrl: envRequired('DATABASE_URL', 'applications are kept in PostgreSQL (npm start provides an embedded one)', env),
    attachments: {
      dir: resolve(envString('ATTACHMENTS_DIR', '.data/attachments', env)),
      maxBytes: envInt('ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, env),
      maxFilesPerRequest: envInt('ATTACHMENT_MAX_FILES', 20, env),
    },
    fees: { mrpTable: envOptional('MRP_TABLE_FILE', env), rates: envOptional('FEE_RATES_FILE', env) },
    deemedIssuanceEveryMs: envInt('DEEMED_ISSUANCE_EVERY_MS', 60_000, env),
    delivery: {
      pollMs: envInt('OUTBOX_POLL_MS', 1_000, env),
      leaseMs: envInt('OUTBOX_LEASE_MS', 30_000, env),
      retryBaseMs: envInt('OUTBOX_RETRY_BASE_MS', 1_000, env),
      retryCapMs: envInt('OUTBOX_RETRY_CAP_MS', 300_000, env),
    },
  };
}
