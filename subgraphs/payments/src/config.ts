import { registryUrl, subgraphs } from '@egov/schema';
import { envInt } from '@egov/shared';

export interface PaymentsConfig {
  port: number;
  registry: { baseUrl: string; timeoutMs: number };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): PaymentsConfig {
  return {
    port: envInt('PORT', subgraphs.payments.port, env),
    registry: { baseUrl: registryUrl('payments', env), timeoutMs: envInt('REGISTRY_TIMEOUT_MS', 3000, env) },
  };
}
