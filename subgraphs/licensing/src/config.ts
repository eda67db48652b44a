import { envInt } from '@egov/core';
import { registryUrl, subgraphs } from '@egov/schema';
import { subgraphBaseFromEnv } from '@egov/security';
import type { RegistryEndpoint, SubgraphBaseConfig } from '@egov/subgraph-kit';

export interface LicensingConfig extends SubgraphBaseConfig {
  port: number;
  registry: RegistryEndpoint;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): LicensingConfig {
  const timeoutMs = envInt('REGISTRY_TIMEOUT_MS', 3000, env);
  return {
    port: envInt('PORT', subgraphs.licensing.port, env),
    registry: { baseUrl: registryUrl('licensing', env), timeoutMs },
    relations: { baseUrl: registryUrl('legal-entities', env), timeoutMs },
    ...subgraphBaseFromEnv(env),
  };
}
