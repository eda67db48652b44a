import { readFileSync } from 'node:fs';
import { envBool, envInt, envOptional, envString, type HttpServerSettings, httpSettingsFromEnv } from '@egov/core';
import { gateway, readSupergraph, SUBGRAPH_NAMES, type SubgraphName, subgraphUrl } from '@egov/schema';
import { type AuthConfig, authConfigFromEnv, type PrincipalKind } from '@egov/security';
import { redisKeyPrefix } from '@egov/stores';
import type { PortalOptions } from './plugins/use-portal.js';

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
  /** Bearer tokens are verified here (and again by every subgraph): issuers, audience, partner grants. */
  auth: AuthConfig;
  /** Limits on incoming operations. */
  limits: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number; maxBodyBytes: number };
  /** Persisted operations: the allowlist file, and the caller kinds that may send nothing else. */
  persistedOperations?: { file: string; onlyFor: readonly PrincipalKind[] };
  /** The reference portal served from this origin (PORTAL_DIR, PORTAL_SETTINGS_FILE); none when unset. */
  portal?: PortalOptions;
  /** METRICS_PORT: `/metrics` on a port of its own; unset, on the API port. */
  metricsPort?: number;
  /** Client timeouts and the shutdown grace period (HTTP_*_TIMEOUT_MS, SHUTDOWN_GRACE_MS). */
  http?: HttpServerSettings;
}

type Env = Record<string, string | undefined>;

function persistedFromEnv(env: Env): GatewayConfig['persistedOperations'] {
  const file = envOptional('PERSISTED_OPERATIONS_FILE', env);
  if (!file) return undefined;
  const only = envString('PERSISTED_OPERATIONS_ONLY', '', env)
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean) as PrincipalKind[];
  return { file, onlyFor: only };
}

function portalFromEnv(env: Env): GatewayConfig['portal'] {
  const dir = envOptional('PORTAL_DIR', env);
  if (!dir) return undefined;
  const settingsFile = envOptional('PORTAL_SETTINGS_FILE', env);
  return { dir, settings: settingsFile ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>) : {} };
}

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
        : {
            points: envInt('RATE_LIMIT_POINTS', 600, env),
            windowSeconds: envInt('RATE_LIMIT_WINDOW_SECONDS', 60, env),
            trustProxy: envBool('TRUST_PROXY', false, env),
            // The deployment's Redis prefix, as the subgraphs' cache and idempotency keys have it: two deployments
            // sharing one Redis must not share their clients' counters.
            keyPrefix: `${redisKeyPrefix(env)}rate:`,
          },
    redisUrl: envOptional('REDIS_URL', env),
    auth: authConfigFromEnv(env),
    limits: {
      maxDepth: envInt('MAX_QUERY_DEPTH', 12, env),
      maxAliases: envInt('MAX_QUERY_ALIASES', 20, env),
      maxCost: envInt('MAX_QUERY_COST', 20_000, env),
      maxTokens: envInt('MAX_QUERY_TOKENS', 3_000, env),
      maxBodyBytes: envInt('MAX_BODY_BYTES', 256 * 1024, env),
    },
    persistedOperations: persistedFromEnv(env),
    portal: portalFromEnv(env),
    metricsPort: envOptional('METRICS_PORT', env) === undefined ? undefined : envInt('METRICS_PORT', 0, env),
    http: httpSettingsFromEnv(env),
    ...overrides,
  };
}
