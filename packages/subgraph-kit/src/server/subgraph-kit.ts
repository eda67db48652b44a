import type { RegistryName } from '@egov/contracts';
import { createLogger, type Logger } from '@egov/core';
import { RegistryClient } from '@egov/registry-client';
import { createSubgraphSecurity, type SecurityConfig, type SubgraphSecurity } from '@egov/security';
import { createPool, type MigrationSet, type Pool } from '@egov/stores';
import { AUDIT_SCHEMA, applyMigrations, migrateOnStart, schemaReadiness } from './schema-migrations.js';
import type { SubgraphOptions } from './subgraph-server.js';

export interface RegistryEndpoint {
  baseUrl: string;
  timeoutMs: number;
}

/** What every subgraph's configuration has besides its own registries. */
export interface SubgraphBaseConfig {
  /** PostgreSQL: the audit trail (and, for licensing, applications). */
  databaseUrl: string;
  security: SecurityConfig;
  /** ГБД ЮЛ, asked which companies a citizen heads or founded (for authorization). */
  relations: RegistryEndpoint;
  /**
   * The personal-data access control service, asked for a person's consent when a partner reads their data
   * for a purpose no law exempts (CONSENTS_REGISTRY_URL). A subgraph without it refuses such reads.
   */
  consents?: RegistryEndpoint;
}

export interface SubgraphKit {
  logger: Logger;
  clock: () => Date;
  pool: Pool;
  security: SubgraphSecurity;
  /** The client of an upstream endpoint: one per endpoint and process, so one breaker and one concurrency cap. */
  client(registry: RegistryName, endpoint: RegistryEndpoint): RegistryClient;
  /** What createSubgraphServer takes to record metrics and serve `/metrics`: spread it into its options. */
  observability: Pick<SubgraphOptions, 'metrics' | 'metricsPort'>;
  /** Every migration set this subgraph's code needs: the audit trail's, then its own. */
  schema: readonly MigrationSet[];
  /** Applies `schema` unless MIGRATE_ON_START=false (then the migration Job does, and /ready waits for it). */
  migrate(): Promise<void>;
  /** The readiness check every subgraph has: its database answers and holds the schema the code needs. */
  readiness(): Promise<{ database: boolean; schema: boolean }>;
}

/**
 * The parts every subgraph is built from, made the same way for all of them. `migrations`: the subgraph's own
 * tables, beside the audit trail's.
 */
export function createSubgraphKit(
  service: string,
  config: SubgraphBaseConfig,
  options: SubgraphOptions,
  migrations: readonly MigrationSet[] = [],
): SubgraphKit {
  const logger = options.logger ?? createLogger(service);
  const pool = createPool(config.databaseUrl, { applicationName: service });
  const clients = new Map<string, RegistryClient>();
  const client = (registry: RegistryName, endpoint: RegistryEndpoint) => {
    const key = `${registry} ${endpoint.baseUrl} ${endpoint.timeoutMs}`;
    let made = clients.get(key);
    if (!made) clients.set(key, (made = new RegistryClient({ registry, ...options.registryClient, ...endpoint, logger, metrics: options.metrics })));
    return made;
  };
  const security = createSubgraphSecurity(config.security, {
    service,
    pool,
    legalEntities: client('legal-entities', config.relations),
    consents: config.consents ? client('consents', config.consents) : undefined,
    cache: options.cache,
    clock: options.clock,
    logger,
    metrics: options.metrics,
  });
  options.metrics?.auditVerificationFrom(() => security.auditStatus()?.verified);
  const schema = [AUDIT_SCHEMA, ...migrations];
  const schemaReady = schemaReadiness(pool, schema);
  const readiness = async () => ({
    database: await pool.query('SELECT 1').then(
      () => true,
      () => false,
    ),
    schema: await schemaReady(),
  });
  const migrate = async () => {
    if (migrateOnStart()) await applyMigrations(pool, schema, logger);
  };
  const observability = { metrics: options.metrics, metricsPort: options.metricsPort };
  return { logger, clock: options.clock ?? (() => new Date()), pool, security, client, observability, schema, migrate, readiness };
}
