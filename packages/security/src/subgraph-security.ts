import type { Logger } from '@egov/core';
import { ConfigError, envInt, envOptional, envRequired, envString } from '@egov/core';
import { DEFAULT_AGENCIES_FILE } from '@egov/domain';
import type { RegistryCache, RegistryClient } from '@egov/registry-client';
import type { Pool } from '@egov/stores';
import type { ProcessMetrics } from '@egov/telemetry';
import { type AnchorStatus, type AuditAnchor, type AuditAnchorConfig, AuditLog, auditAnchorConfigFromEnv, createAuditAnchor } from './audit/index.js';
import { Agencies, type AuthzServices, Relations } from './authz/index.js';
import { ConsentGate } from './consents/index.js';
import { DEFAULT_MAX_TOKEN_AGE_SECONDS, type IssuerConfig, PartnerRegistry, TokenVerifier } from './tokens/index.js';

type Env = Record<string, string | undefined>;

/** What verifying a bearer token takes: the gateway's and every subgraph's. */
export interface AuthConfig {
  issuers: IssuerConfig[];
  audience: string;
  /** The partner systems' grants (X-Road style). */
  partnersFile: string;
  /** The authorities officers work for, and the services each handles. Default: packages/domain/data/agencies.json. */
  agenciesFile?: string;
  /** The longest a token may have lived, and may be issued to live, in seconds. Default 43 200 (12 h). */
  maxTokenAgeSeconds?: number;
}

export interface SecurityConfig extends AuthConfig {
  /** HMAC key for audit subjects: the same in every process. */
  auditSubjectKey: string;
  /** Signed checkpoints of the audit trail outside PostgreSQL; without it the trail is not anchored (tests). */
  auditAnchor?: AuditAnchorConfig;
}

/** Reads the token settings; missing ones fail at boot, naming the variable. */
export function authConfigFromEnv(env: Env = process.env): AuthConfig {
  const why = "tokens are verified against them (npm start uses the mocks' test issuer)";
  const issuer = envRequired('AUTH_ISSUER', why, env);
  const jwks = envRequired('AUTH_JWKS', `${why}; a JWKS file or https URL`, env);
  const partnersFile = envRequired('PARTNERS_FILE', 'the partner systems and their scopes and purposes', env);
  return {
    issuers: [{ issuer, jwks }],
    audience: envString('AUTH_AUDIENCE', 'egov-graph', env),
    partnersFile,
    agenciesFile: envOptional('AGENCIES_FILE', env),
    maxTokenAgeSeconds: envInt('AUTH_MAX_TOKEN_AGE_SECONDS', DEFAULT_MAX_TOKEN_AGE_SECONDS, env),
  };
}

/** The token verifier of a process (the gateway's or a subgraph's), with the agencies it checks officers against. */
export function createTokenVerifier(config: AuthConfig, agencies = Agencies.load(config.agenciesFile ?? DEFAULT_AGENCIES_FILE)) {
  const partners = PartnerRegistry.fromFile(config.partnersFile);
  const verifier = new TokenVerifier({ issuers: config.issuers, audience: config.audience, partners, agencies, maxTokenAgeSeconds: config.maxTokenAgeSeconds });
  return { verifier, partners, agencies };
}

/** The token settings and the audit key every subgraph needs. */
export function securityConfigFromEnv(env: Env = process.env): SecurityConfig {
  const auditSubjectKey = envOptional('AUDIT_SUBJECT_KEY', env);
  if (!auditSubjectKey || auditSubjectKey.length < 16)
    throw new ConfigError("AUDIT_SUBJECT_KEY (16+ characters, the same in every process) is required: it keys the audit trail's subject hashes");
  return { ...authConfigFromEnv(env), auditSubjectKey, auditAnchor: auditAnchorConfigFromEnv(env) };
}

export interface SubgraphSecurity {
  verifier: TokenVerifier;
  partners: PartnerRegistry;
  /** Whether a partner's read of a person needs consent, and the consents (also the citizen's list and withdrawals). */
  consents: ConsentGate;
  authz: AuthzServices;
  audit: AuditLog;
  /** The audit trail's anchor, when configured: verified on a schedule once started. */
  anchor: AuditAnchor | null;
  /** Starts the scheduled work (the anchor's rounds); call once the audit tables exist. */
  start(): void;
  /** The last anchor verification, for /health; undefined without an anchor or before the first round. */
  auditStatus(): AnchorStatus | undefined;
  close(): Promise<void>;
}

/**
 * Everything a subgraph needs to know who asks and what they may read: token verification, company
 * relations (from ГБД ЮЛ, through the registry cache), the agencies table and the audit trail.
 */
export function createSubgraphSecurity(
  config: SecurityConfig,
  deps: {
    service: string;
    pool: Pool;
    legalEntities: RegistryClient;
    /** The access control service, for partners' reads of persons that need consent; without it such reads fail (REGISTRY_UNAVAILABLE). */
    consents?: RegistryClient;
    cache?: RegistryCache;
    logger?: Logger;
    metrics?: ProcessMetrics;
    clock?: () => Date;
  },
): SubgraphSecurity {
  const { verifier, partners, agencies } = createTokenVerifier(config);
  const audit = new AuditLog(deps.pool, { subjectKey: config.auditSubjectKey, metrics: deps.metrics }, deps.logger);
  // The anchor's keys are read (or, in development, made) here: a bad key file fails at boot, naming its variable.
  const anchor = config.auditAnchor ? createAuditAnchor(config.auditAnchor, { audit, pool: deps.pool, writer: deps.service, logger: deps.logger }) : null;
  const consents = new ConsentGate(partners, deps.consents ?? null, deps.cache);
  return {
    verifier,
    partners,
    audit,
    anchor,
    consents,
    authz: { relations: new Relations(deps.legalEntities, deps.cache), agencies, audit, service: deps.service, consents, clock: deps.clock },
    start: () => anchor?.start(config.auditAnchor!.everyMs),
    auditStatus: () => anchor?.status() ?? undefined,
    close: async () => {
      await anchor?.stop();
      await audit.close();
    },
  };
}

/** DATABASE_URL and the security settings, for a subgraph's configuration. */
export function subgraphBaseFromEnv(env: Env = process.env): { databaseUrl: string; security: SecurityConfig } {
  const databaseUrl = envRequired('DATABASE_URL', 'the audit trail is kept in PostgreSQL (npm start provides an embedded one)', env);
  return { databaseUrl, security: securityConfigFromEnv(env) };
}
