import { registryUrl, subgraphs } from '@egov/schema';
import { envInt, envOptional } from '@egov/shared';

export interface PaymentsConfig {
  port: number;
  registry: { baseUrl: string; timeoutMs: number };
  fees: {
    /** MRP per year; the shipped table when unset. */
    mrpTable?: string;
    /** Licence-fee rates with their sources; none when unset. */
    rates?: string;
  };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): PaymentsConfig {
  return {
    port: envInt('PORT', subgraphs.payments.port, env),
    registry: { baseUrl: registryUrl('payments', env), timeoutMs: envInt('REGISTRY_TIMEOUT_MS', 3000, env) },
    fees: { mrpTable: envOptional('MRP_TABLE_FILE', env), rates: envOptional('FEE_RATES_FILE', env) },
  };
}
