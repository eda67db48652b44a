import { registryUrl, subgraphs } from '@egov/schema';
import { envInt } from '@egov/shared';

export interface IndividualsConfig {
  port: number;
  registry: { baseUrl: string; timeoutMs: number };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): IndividualsConfig {
  return {
    port: envInt('PORT', subgraphs.individuals.port, env),
    registry: { baseUrl: registryUrl('individuals', env), timeoutMs: envInt('REGISTRY_TIMEOUT_MS', 3000, env) },
  };
}
