import { readSupergraph, SUBGRAPH_NAMES, subgraphUrl, gateway, type SubgraphName } from '@egov/schema';
import { envBool, envInt } from '@egov/shared';

export interface GatewayConfig {
  port: number;
  /** Composed supergraph SDL; the routing URLs in it are overridden by `subgraphUrls`. */
  supergraph: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** Production hides GraphiQL and introspection. */
  production: boolean;
  /** Per-subgraph request deadline. */
  subgraphTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

/** Resolves the gateway's configuration once: explicit options win over the environment. */
export function loadConfig(env: Env = process.env, overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  return {
    port: envInt(gateway.portEnv, gateway.port, env),
    supergraph: readSupergraph(),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(name, env)])) as Record<SubgraphName, string>,
    production: envBool('GATEWAY_PRODUCTION', env.NODE_ENV === 'production', env),
    subgraphTimeoutMs: envInt('SUBGRAPH_TIMEOUT_MS', 10_000, env),
    ...overrides,
  };
}
