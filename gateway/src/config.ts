import { readSupergraph, SUBGRAPH_NAMES, subgraphUrl, gateway, type SubgraphName } from '@egov/schema';
import { envBool, envInt, envOptional } from '@egov/shared';

export interface GatewayConfig {
  port: number;
  /** Composed supergraph SDL; the routing URLs in it are overridden by `subgraphUrls`. */
  supergraph: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** Production hides GraphiQL and introspection. */
  production: boolean;
  /** Per-subgraph request deadline. */
  subgraphTimeoutMs: number;
  /** Per-client request limit on /graphql and /attachments; false turns it off. */
  rateLimit?: { points: number; windowSeconds: number; trustProxy?: boolean; keyPrefix?: string } | false;
  /** Redis for shared rate-limit counters; without it each gateway process counts alone. */
  redisUrl?: string;
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
    rateLimit:
      envInt('RATE_LIMIT_POINTS', 600, env) === 0
        ? false
        : { points: envInt('RATE_LIMIT_POINTS', 600, env), windowSeconds: envInt('RATE_LIMIT_WINDOW_SECONDS', 60, env), trustProxy: envBool('TRUST_PROXY', false, env) },
    redisUrl: envOptional('REDIS_URL', env),
    ...overrides,
  };
}
