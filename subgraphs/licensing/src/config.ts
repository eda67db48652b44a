import { registryUrl, subgraphs } from '@egov/schema';
import { envInt } from '@egov/shared';

export interface LicensingConfig {
  port: number;
  registry: { baseUrl: string; timeoutMs: number };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): LicensingConfig {
  return {
    port: envInt('PORT', subgraphs.licensing.port, env),
    registry: { baseUrl: registryUrl('licensing', env), timeoutMs: envInt('REGISTRY_TIMEOUT_MS', 3000, env) },
  };
}
