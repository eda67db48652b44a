import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { checkIin } from '@egov/contracts';
import { GraphQLError } from 'graphql';
import { createLocalJWKSet, createRemoteJWKSet, type JWTHeaderParameters, type JWTPayload, type JWTVerifyGetKey, errors as joseErrors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { Agencies } from '../authz/agencies.js';
import type { PartnerRegistry } from './partners.js';
import { ANONYMOUS, type Principal, type PrincipalKind } from './principal.js';

export interface IssuerConfig {
  /** The `iss` the tokens carry. */
  issuer: string;
  /** Where the issuer's public keys are: a JWKS file path, or an https URL. */
  jwks: string;
}

export interface TokenVerifierOptions {
  issuers: readonly IssuerConfig[];
  /** The `aud` our tokens must carry. */
  audience: string;
  partners: PartnerRegistry;
  /** The authorities officers work for; an officer token naming another agency is refused. Default: the shipped table. */
  agencies?: Agencies;
  /**
   * The longest a token may have lived (now - iat) and may be issued to live (exp - iat), in seconds.
   * A stolen long-lived token is worth little this way. Default 43 200 (12 h).
   */
  maxTokenAgeSeconds?: number;
  /** Seconds of clock skew tolerated on exp/nbf/iat. Default 30. */
  clockToleranceSeconds?: number;
  /** How many verified tokens are remembered (least recently used go first). Default 20 000. */
  cacheSize?: number;
  now?: () => Date;
}

/** 20 000 remembered tokens: more than the distinct callers of a busy minute on one process, and a bounded heap. */
export const DEFAULT_TOKEN_CACHE_SIZE = 20_000;

/** What a verified token is remembered as: never the token itself. */
interface Remembered {
  principal: Principal;
  /** Epoch ms: the token's exp, or iat + the maximum token age, whichever is first. */
  expiresAt: number;
  issuer: string;
  /** The header's alg and kid, to ask the issuer's key set which key they select now. */
  header: Pick<JWTHeaderParameters, 'alg' | 'kid'>;
  /** The key that verified the signature: the entry is only good while the key set still selects this key. */
  key: unknown;
}

/** The cache key of a token: its SHA-256, so a heap dump or a debugger shows no usable bearer token. */
export function tokenCacheKey(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError(`Not authenticated: ${reason}`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

function forbidden(reason: string, code = 'FORBIDDEN'): GraphQLError {
  return new GraphQLError(reason, { extensions: { code, http: { status: 403 } } });
}

const KINDS: readonly PrincipalKind[] = ['citizen', 'portal', 'officer', 'partner'];

/** Twelve hours: a working day's session, not a standing credential. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 43_200;

/**
 * Verifies bearer tokens (signature against the issuer's keys, issuer, audience, expiry) and turns their
 * claims into a Principal. Verified tokens are remembered (a bounded LRU keyed by the token's SHA-256) until
 * they expire or reach the maximum token age, and only while the issuer's key set still selects the key
 * that verified them: the hot path of a busy client costs a hash and a key-set lookup, not a signature check.
 */
export class TokenVerifier {
  private readonly keys: Map<string, JWTVerifyGetKey>;
  private readonly cache: LRUCache<string, Remembered>;
  private readonly now: () => Date;
  private readonly agencies: Agencies;
  private readonly maxTokenAgeSeconds: number;

  constructor(private readonly options: TokenVerifierOptions) {
    this.now = options.now ?? (() => new Date());
    this.agencies = options.agencies ?? Agencies.load();
    this.maxTokenAgeSeconds = options.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;
    this.cache = new LRUCache<string, Remembered>({ max: options.cacheSize ?? DEFAULT_TOKEN_CACHE_SIZE });
    this.keys = new Map(
      options.issuers.map((i) => [
        i.issuer,
        /^https?:\/\//.test(i.jwks) ? createRemoteJWKSet(new URL(i.jwks)) : createLocalJWKSet(JSON.parse(readFileSync(i.jwks, 'utf8'))),
      ]),
    );
  }

  /**
   * The caller behind an Authorization header (and, for partners, the stated purpose). No header is the
   * anonymous caller; a header with a bad token is an error, never silently anonymous.
   */
  async principalOf(authorization: string | null | undefined, purpose: string | null | undefined): Promise<Principal> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+([A-Za-z0-9_.-]+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    const token = match[1]!;
    const cacheKey = tokenCacheKey(token);
    const principal = (await this.remembered(cacheKey)) ?? (await this.verify(token, cacheKey));
    return principal.kind === 'partner' ? this.withPurpose(principal, purpose ?? null) : principal;
  }

  /** How many verified tokens are remembered now. */
  get cachedTokens(): number {
    return this.cache.size;
  }

  /** The cache's keys (SHA-256 of tokens, never tokens), for tests and diagnostics. */
  cacheKeys(): string[] {
    return [...this.cache.keys()];
  }

  /**
   * The remembered principal of a token, if it is still good: not past its expiry (no clock tolerance here)
   * and its issuer's key set, as this process holds it now, still selects the very key that verified it. A key
   * removed from the set (rotation, compromise) or a key set reloaded from the issuer's URL sends the token back
   * through full verification.
   */
  private async remembered(cacheKey: string): Promise<Principal | null> {
    const entry = this.cache.get(cacheKey);
    if (!entry) return null;
    if (entry.expiresAt <= this.now().getTime()) {
      this.cache.delete(cacheKey);
      return null;
    }
    const keys = this.keys.get(entry.issuer);
    const current = keys ? await Promise.resolve(keys(entry.header as JWTHeaderParameters, undefined as never)).catch(() => null) : null;
    if (current !== entry.key) {
      this.cache.delete(cacheKey);
      return null;
    }
    return entry.principal;
  }

  private async verify(token: string, cacheKey: string): Promise<Principal> {
    let payload: JWTPayload;
    let protectedHeader: JWTHeaderParameters;
    let usedKey: unknown;
    let issuer: string;
    try {
      const unverified = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as JWTPayload;
      const keys = typeof unverified.iss === 'string' ? this.keys.get(unverified.iss) : undefined;
      if (!keys) throw unauthenticated('the token is not from a trusted issuer');
      issuer = unverified.iss!;
      // The key the issuer's set selected for this token: the cache entry is bound to it.
      const selectKey: JWTVerifyGetKey = async (header, input) => {
        usedKey = await keys(header, input);
        return usedKey as Awaited<ReturnType<JWTVerifyGetKey>>;
      };
      ({ payload, protectedHeader } = await jwtVerify(token, selectKey, {
        issuer: unverified.iss!,
        audience: this.options.audience,
        algorithms: ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'],
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        currentDate: this.now(),
        requiredClaims: ['exp', 'sub', 'iat'],
        // Also refuses an iat in the future (beyond the tolerance).
        maxTokenAge: this.maxTokenAgeSeconds,
      }));
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      throw unauthenticated(reasonOf(error));
    }
    const issuedAt = payload.iat!;
    const expiresAt = payload.exp!;
    if (expiresAt - issuedAt > this.maxTokenAgeSeconds)
      throw unauthenticated(`the token was issued to live longer than ${this.maxTokenAgeSeconds} s; ask the issuer for a shorter-lived one`);
    const principal = this.principalFromClaims(payload);
    // Remembered until it expires or grows too old, whichever comes first, and only for the key that verified it.
    this.cache.set(cacheKey, {
      principal,
      expiresAt: Math.min(expiresAt, issuedAt + this.maxTokenAgeSeconds) * 1000,
      issuer,
      header: { alg: protectedHeader.alg, kid: protectedHeader.kid },
      key: usedKey,
    });
    return principal;
  }

  private principalFromClaims(claims: JWTPayload): Principal {
    const kind = claims.kind as PrincipalKind;
    if (!KINDS.includes(kind)) throw unauthenticated('the token names no caller kind (citizen, portal, officer or partner)');
    const sub = String(claims.sub);
    // No scope claim means the client's whole grant; a scope claim (even an empty one) narrows it.
    const requested = typeof claims.scope === 'string' ? new Set(claims.scope.split(' ').filter(Boolean)) : null;
    const base = { kind, roles: [], scopes: new Set<string>(), purpose: null, tokenId: typeof claims.jti === 'string' ? claims.jti : null };
    switch (kind) {
      case 'citizen':
        if (!checkIin(sub).ok) throw unauthenticated("a citizen token must have the citizen's IIN as subject");
        return { ...base, id: sub, iin: sub, clientId: null, agency: null };
      case 'portal': {
        if (!checkIin(sub).ok) throw unauthenticated("a portal token must have the citizen's IIN as subject");
        const clientId = typeof claims.client_id === 'string' ? claims.client_id : typeof claims.azp === 'string' ? claims.azp : null;
        if (!clientId) throw unauthenticated('a portal token must name the portal (client_id)');
        return { ...base, id: clientId, iin: sub, clientId, agency: null };
      }
      case 'officer': {
        if (!checkIin(sub).ok) throw unauthenticated("an officer token must have the officer's IIN as subject");
        // Officers' agencies are configuration, like partners': a token naming another one reads nothing.
        if (typeof claims.agency !== 'string' || !this.agencies.get(claims.agency)) throw unauthenticated('an officer token must name a configured agency');
        const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string' && r !== '') : [];
        if (roles.length === 0) throw unauthenticated("an officer token must carry the officer's roles");
        return { ...base, id: `officer:${sub}`, iin: sub, clientId: null, agency: claims.agency, roles };
      }
      case 'partner': {
        const grant = this.options.partners.grantOf(sub);
        if (!grant) throw unauthenticated('the partner system is not registered');
        // The token can narrow the client's grant, never widen it.
        const granted = new Set(grant.scopes.filter((s) => requested === null || requested.has(s)));
        return { ...base, scopes: granted, id: sub, iin: null, clientId: sub, agency: null };
      }
      default:
        throw unauthenticated('unknown caller kind');
    }
  }

  private withPurpose(principal: Principal, purpose: string | null): Principal {
    const grant = this.options.partners.grantOf(principal.clientId!)!;
    if (!purpose) throw forbidden('A partner request must state its purpose (X-Purpose header)', 'PURPOSE_REQUIRED');
    if (!grant.purposes.includes(purpose)) throw forbidden(`Purpose "${purpose}" is not among those granted to ${grant.clientId}`, 'PURPOSE_NOT_ALLOWED');
    return { ...principal, purpose };
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return error.claim === 'iat' ? 'the token is older than the maximum token age' : 'the token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'iat') return 'the token claims to be issued in the future';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not acceptable`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported)
    return 'the token is not signed with an accepted algorithm';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'the token is signed with an unknown key';
  return 'the token is malformed';
}
