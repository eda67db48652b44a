import { registryUrl, subgraphs } from '@egov/schema';
import { envInt } from '@egov/shared';

export interface LegalEntitiesConfig {
  port: number;
  registries: {
    legalEntities: { baseUrl: string; timeoutMs: number };
    /** Asked only whether an IIN exists, for `applicant`. */
    individuals: { baseUrl: string; timeoutMs: number };
  };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): LegalEntitiesConfig {
  const timeoutMs = envInt('REGISTRY_TIMEOUT_MS', 3000, env);
  return {
    port: envInt('PORT', subgraphs['legal-entities'].port, env),
    registries: {
      legalEntities: { baseUrl: registryUrl('legal-entities', env), timeoutMs },
      individuals: { baseUrl: registryUrl('individuals', env), timeoutMs },
    },
  };
}
