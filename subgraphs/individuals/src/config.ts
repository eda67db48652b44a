import { envInt } from '@egov/core';
import { registryUrl, subgraphs } from '@egov/schema';
import { subgraphBaseFromEnv } from '@egov/security';
import type { RegistryEndpoint, SubgraphBaseConfig } from '@egov/subgraph-kit';

export interface IndividualsConfig extends SubgraphBaseConfig {
  port: number;
  registry: RegistryEndpoint;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): IndividualsConfig {
  const timeoutMs = envInt('REGISTRY_TIMEOUT_MS', 3000, env);
  return {
    port: envInt('PORT', subgraphs.individuals.port, env),
    registry: { baseUrl: registryUrl('individuals', env), timeoutMs },
    relations: { baseUrl: registryUrl('legal-entities', env), timeoutMs },
    consents: { baseUrl: registryUrl('consents', env), timeoutMs },
    ...subgraphBaseFromEnv(env),
  };
}
