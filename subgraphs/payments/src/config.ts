import { envDirUrl, envInt, envOptional } from '@egov/core';
import { registryUrl, subgraphs } from '@egov/schema';
import { subgraphBaseFromEnv } from '@egov/security';
import type { RegistryEndpoint, SubgraphBaseConfig } from '@egov/subgraph-kit';

export interface PaymentsConfig extends SubgraphBaseConfig {
  port: number;
  registry: RegistryEndpoint;
  fees: {
    /** MRP per year; the shipped table when unset. */
    mrpTable?: string;
    /** Licence-fee rates with their sources; none when unset. */
    rates?: string;
  };
  /** The catalog of services (CATALOG_DIR, a ConfigMap in Kubernetes); the shipped one when unset. */
  catalogDir?: URL;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): PaymentsConfig {
  const timeoutMs = envInt('REGISTRY_TIMEOUT_MS', 3000, env);
  return {
    port: envInt('PORT', subgraphs.payments.port, env),
    registry: { baseUrl: registryUrl('payments', env), timeoutMs },
    relations: { baseUrl: registryUrl('legal-entities', env), timeoutMs },
    fees: { mrpTable: envOptional('MRP_TABLE_FILE', env), rates: envOptional('FEE_RATES_FILE', env) },
    catalogDir: envDirUrl('CATALOG_DIR', env),
    ...subgraphBaseFromEnv(env),
  };
}
