import { envInt } from '@egov/core';
import { registryUrl, subgraphs } from '@egov/schema';
import { subgraphBaseFromEnv } from '@egov/security';
import type { RegistryEndpoint, SubgraphBaseConfig } from '@egov/subgraph-kit';

export interface LegalEntitiesConfig extends SubgraphBaseConfig {
  port: number;
  registries: {
    legalEntities: RegistryEndpoint;
    /** Asked only whether an IIN exists, for `applicant`. */
    individuals: RegistryEndpoint;
  };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): LegalEntitiesConfig {
  const timeoutMs = envInt('REGISTRY_TIMEOUT_MS', 3000, env);
  const legalEntities = { baseUrl: registryUrl('legal-entities', env), timeoutMs };
  return {
    port: envInt('PORT', subgraphs['legal-entities'].port, env),
    registries: { legalEntities, individuals: { baseUrl: registryUrl('individuals', env), timeoutMs } },
    relations: legalEntities,
    // `applicant(id: IIN)` is a read of a person: a partner needs the person's consent as in individuals.
    consents: { baseUrl: registryUrl('consents', env), timeoutMs },
    ...subgraphBaseFromEnv(env),
  };
}
