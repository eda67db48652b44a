import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@egov/core';
import { GraphQLError } from 'graphql';
import { type CryptoKey, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ANONYMOUS,
  describePrincipal,
  type PartnerGrant,
  PartnerRegistry,
  type Principal,
  TokenVerifier,
  type TokenVerifierOptions,
  tokenCacheKey,
} from '../src/tokens/index.js';

// Every signature check goes through jose's jwtVerify; counting the calls shows what the verified-token cache spares.
vi.mock('jose', async (importOriginal) => {
  const jose = await importOriginal<typeof import('jose')>();
  return { ...jose, jwtVerify: vi.fn(jose.jwtVerify) };
});

/*
 * The verifier's own tests do not lean on the mocks package's committed test issuer: each run makes
 * throwaway keys, writes their JWKS and a partner registry to a temp dir, and signs tokens with jose.
 */

const ISSUER = 'https://idp.test.verifier.local';
const OTHER_ISSUER = 'https://idp.other.verifier.local';
const AUDIENCE = 'egov-graph';

const CITIZEN_IIN = '850314301234';
const OFFICER_IIN = '621102407892';

/** As PARTNERS_FILE writes them: a purpose is a code, or a code with the legal basis exempting it from consent. */
const PARTNERS = [
  {
    clientId: 'kgd-tax-audit',
    name: 'Tax audit',
    scopes: ['individuals:basic', 'legal-entities:read', 'payments:read'],
    purposes: [{ code: 'tax-audit', exemptBy: 'Law No. 94-V, art. 9: tax control under the Tax Code' }, 'debt-collection'],
  },
  { clientId: 'stat-register', name: 'Statistics', scopes: ['legal-entities:read'], purposes: ['statistics'] },
];

interface Signer {
  key: CryptoKey;
  kid: string;
}

let dir: string;
let issuerKey: Signer;
let otherIssuerKey: Signer;
let strangerKey: Signer;
let jwksFile: string;
let otherJwksFile: string;
let partnersFile: string;

/** The verifier's clock; tokens are minted relative to it. */
const START = Date.parse('2025-03-03T09:00:00Z');
let clock = START;
const nowSeconds = () => Math.floor(clock / 1000);

async function makeKey(kid: string): Promise<Signer & { jwks: object }> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { key: privateKey, kid, jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] } };
}

interface MintOptions {
  signer?: Signer;
  issuer?: string;
  audience?: string;
  /** Seconds from the verifier's clock; null leaves the claim out. */
  expiresIn?: number | null;
  issuedAgo?: number | null;
  subject?: string | null;
}

async function mint(claims: Record<string, unknown>, options: MintOptions = {}): Promise<string> {
  const signer = options.signer ?? issuerKey;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: signer.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setJti(randomUUID());
  if (options.subject !== null) jwt.setSubject(options.subject ?? CITIZEN_IIN);
  if (options.issuedAgo !== null) jwt.setIssuedAt(nowSeconds() - (options.issuedAgo ?? 5));
  if (options.expiresIn !== null) jwt.setExpirationTime(nowSeconds() + (options.expiresIn ?? 3600));
  return jwt.sign(signer.key);
}

const citizenToken = (iin = CITIZEN_IIN, options: MintOptions = {}) => mint({ kind: 'citizen' }, { subject: iin, ...options });
const partnerToken = (clientId: string, scope?: string, options: MintOptions = {}) =>
  mint({ kind: 'partner', ...(scope === undefined ? {} : { scope }) }, { subject: clientId, ...options });

function verifier(options: Partial<TokenVerifierOptions> = {}): TokenVerifier {
  return new TokenVerifier({
    issuers: [
      { issuer: ISSUER, jwks: jwksFile },
      { issuer: OTHER_ISSUER, jwks: otherJwksFile },
    ],
    audience: AUDIENCE,
    partners: PartnerRegistry.fromFile(partnersFile),
    now: () => new Date(clock),
    ...options,
  });
}

const bearer = (token: string) => `Bearer ${token}`;

/** The error a refused request gets: its code, HTTP status and message. */
async function refusal(promise: Promise<Principal>): Promise<{ code: unknown; status: unknown; message: string }> {
  let principal: Principal;
  try {
    principal = await promise;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, status: (error.extensions.http as { status?: number } | undefined)?.status, message: error.message };
  }
  throw new Error(`expected a refusal, got a ${principal.kind} principal`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'egov-verifier-'));
  const own = await makeKey('issuer-2025');
  const other = await makeKey('other-2025');
  const stranger = await makeKey('stranger');
  issuerKey = own;
  otherIssuerKey = other;
  strangerKey = stranger;
  jwksFile = join(dir, 'jwks.json');
  otherJwksFile = join(dir, 'other-jwks.json');
  partnersFile = join(dir, 'partners.json');
  writeFileSync(jwksFile, JSON.stringify(own.jwks));
  writeFileSync(otherJwksFile, JSON.stringify(other.jwks));
  writeFileSync(partnersFile, JSON.stringify({ partners: PARTNERS }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  clock = START;
  vi.mocked(jwtVerify).mockClear();
});

describe('a valid token names its caller', () => {
  it('a citizen token gives a citizen principal with their IIN and nothing else', async () => {
    const principal = await verifier().principalOf(bearer(await citizenToken()), null);
    expect(principal).toMatchObject({ kind: 'citizen', id: CITIZEN_IIN, iin: CITIZEN_IIN, clientId: null, agency: null, roles: [], purpose: null });
    expect(principal.scopes.size).toBe(0);
    expect(principal.tokenId).toMatch(/^[0-9a-f-]{36}$/);
    expect(describePrincipal(principal)).toBe('citizen');
  });

  it('a portal token names the portal as the caller and the citizen it acts for', async () => {
    const principal = await verifier().principalOf(bearer(await mint({ kind: 'portal', client_id: 'egov-portal' })), null);
    expect(principal).toMatchObject({ kind: 'portal', id: 'egov-portal', iin: CITIZEN_IIN, clientId: 'egov-portal', agency: null });
    expect(describePrincipal(principal)).toBe('portal egov-portal for a citizen');
  });

  it('a portal token may name the portal in azp instead of client_id', async () => {
    const principal = await verifier().principalOf(bearer(await mint({ kind: 'portal', azp: 'mobile-app' })), null);
    expect(principal).toMatchObject({ kind: 'portal', id: 'mobile-app', clientId: 'mobile-app' });
  });

  it('an officer token gives the agency and the roles, and the officer is named "officer:<IIN>"', async () => {
    const token = await mint({ kind: 'officer', agency: 'MINT-KTRM', roles: ['reviewer', 42, 'decider'] }, { subject: OFFICER_IIN });
    const principal = await verifier().principalOf(bearer(token), null);
    expect(principal).toMatchObject({
      kind: 'officer',
      id: `officer:${OFFICER_IIN}`,
      iin: OFFICER_IIN,
      agency: 'MINT-KTRM',
      clientId: null,
      roles: ['reviewer', 'decider'],
    });
    expect(describePrincipal(principal)).toBe('officer of MINT-KTRM');
  });

  it('a partner token with a granted purpose gives the partner its registered scopes and the purpose', async () => {
    const principal = await verifier().principalOf(bearer(await partnerToken('kgd-tax-audit')), 'tax-audit');
    expect(principal).toMatchObject({ kind: 'partner', id: 'kgd-tax-audit', clientId: 'kgd-tax-audit', iin: null, agency: null, purpose: 'tax-audit' });
    expect([...principal.scopes].sort()).toEqual(['individuals:basic', 'legal-entities:read', 'payments:read']);
    expect(describePrincipal(principal)).toBe('partner kgd-tax-audit');
  });

  it('a partner token can narrow its scopes but never widen them beyond the registry grant', async () => {
    const narrowed = await verifier().principalOf(bearer(await partnerToken('kgd-tax-audit', 'payments:read')), 'tax-audit');
    expect([...narrowed.scopes]).toEqual(['payments:read']);
    const widened = await verifier().principalOf(
      bearer(await partnerToken('stat-register', 'legal-entities:read individuals:basic payments:read')),
      'statistics',
    );
    expect([...widened.scopes]).toEqual(['legal-entities:read']);
    const foreign = await verifier().principalOf(bearer(await partnerToken('stat-register', 'individuals:basic')), 'statistics');
    expect(foreign.scopes.size).toBe(0);
    const empty = await verifier().principalOf(bearer(await partnerToken('kgd-tax-audit', '')), 'tax-audit');
    expect(empty.scopes.size).toBe(0); // an empty scope claim asks for nothing, not for everything
  });

  it('tokens of every configured issuer are accepted, each checked against its own keys', async () => {
    const principal = await verifier().principalOf(bearer(await citizenToken(CITIZEN_IIN, { signer: otherIssuerKey, issuer: OTHER_ISSUER })), null);
    expect(principal).toMatchObject({ kind: 'citizen', iin: CITIZEN_IIN });
  });

  it('the "Bearer" scheme is matched case-insensitively, with surrounding spaces ignored', async () => {
    const principal = await verifier().principalOf(`  bearer ${await citizenToken()}  `, null);
    expect(principal.kind).toBe('citizen');
  });
});

describe('no token at all', () => {
  it('is the anonymous caller, not an error', async () => {
    const v = verifier();
    for (const header of [null, undefined, '']) {
      expect(await v.principalOf(header, null)).toBe(ANONYMOUS);
    }
    expect(ANONYMOUS).toMatchObject({ kind: 'anonymous', iin: null, clientId: null, agency: null, purpose: null });
    expect(ANONYMOUS.scopes.size).toBe(0);
    expect(Object.isFrozen(ANONYMOUS)).toBe(true);
    expect(describePrincipal(ANONYMOUS)).toBe('anonymous');
  });
});

describe('a bad token is refused with UNAUTHENTICATED (401), never treated as anonymous', () => {
  it("a token signed by another key under the issuer's key id", async () => {
    const forged = await citizenToken(CITIZEN_IIN, { signer: { key: strangerKey.key, kid: issuerKey.kid } });
    expect(await refusal(verifier().principalOf(bearer(forged), null))).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'Not authenticated: the token signature is not valid',
    });
  });

  it('a token signed by a key the issuer does not publish', async () => {
    const forged = await citizenToken(CITIZEN_IIN, { signer: strangerKey });
    expect(await refusal(verifier().principalOf(bearer(forged), null))).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'Not authenticated: the token is signed with an unknown key',
    });
  });

  it("a token claiming one trusted issuer but signed with another trusted issuer's key", async () => {
    const crossed = await citizenToken(CITIZEN_IIN, { signer: otherIssuerKey, issuer: ISSUER });
    expect(await refusal(verifier().principalOf(bearer(crossed), null))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('a token whose signature was altered', async () => {
    const token = await citizenToken();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await refusal(verifier().principalOf(bearer(flipped), null))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it("a token whose claims were altered after signing (another citizen's IIN)", async () => {
    const token = await citizenToken();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const edited = Buffer.from(JSON.stringify({ ...claims, sub: '900101300017' })).toString('base64url');
    expect(await refusal(verifier().principalOf(bearer(`${header}.${edited}.${signature}`), null))).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'Not authenticated: the token signature is not valid',
    });
  });

  it('an expired token', async () => {
    const expired = await citizenToken(CITIZEN_IIN, { expiresIn: -120, issuedAgo: 3600 });
    expect(await refusal(verifier().principalOf(bearer(expired), null))).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'Not authenticated: the token has expired',
    });
  });

  it('a token for another audience', async () => {
    const token = await citizenToken(CITIZEN_IIN, { audience: 'some-other-api' });
    expect(await refusal(verifier().principalOf(bearer(token), null))).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: "Not authenticated: the token's aud claim is not acceptable",
    });
  });

  it('a token from an issuer we do not trust, even when it is validly signed by that issuer', async () => {
    const token = await citizenToken(CITIZEN_IIN, { issuer: 'https://idp.evil.example' });
    expect(await refusal(verifier().principalOf(bearer(token), null))).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'Not authenticated: the token is not from a trusted issuer',
    });
  });

  it('an unsigned token ("alg": "none")', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = nowSeconds();
    const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part({ kind: 'citizen', sub: CITIZEN_IIN, iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 3600 })}.`;
    expect(await refusal(verifier().principalOf(bearer(unsigned), null))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('a token signed with HMAC (HS256), an algorithm we do not accept', async () => {
    const token = await new SignJWT({ kind: 'citizen' })
      .setProtectedHeader({ alg: 'HS256', kid: issuerKey.kid })
      .setSubject(CITIZEN_IIN)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(nowSeconds())
      .setExpirationTime(nowSeconds() + 3600)
      .sign(new TextEncoder().encode('a shared secret an attacker chose, 32+ bytes long'));
    expect(await refusal(verifier().principalOf(bearer(token), null))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('a malformed bearer value ("Bearer x.y")', async () => {
    expect(await refusal(verifier().principalOf('Bearer x.y', null))).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'Not authenticated: the token is malformed',
    });
  });

  it('an Authorization header that is not "Bearer <token>"', async () => {
    const v = verifier();
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', `Token ${await citizenToken()}`, '   ']) {
      expect(await refusal(v.principalOf(header, null))).toEqual({
        code: 'UNAUTHENTICATED',
        status: 401,
        message: 'Not authenticated: the Authorization header must be "Bearer <token>"',
      });
    }
  });

  it('a token without an expiry, a subject or an issue time', async () => {
    const v = verifier();
    for (const missing of [{ expiresIn: null }, { subject: null }, { issuedAgo: null }] satisfies MintOptions[]) {
      expect(await refusal(v.principalOf(bearer(await mint({ kind: 'citizen' }, missing)), null))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    }
  });

  it('a token that names no caller kind, or an unknown one', async () => {
    const v = verifier();
    for (const claims of [{}, { kind: 'admin' }, { kind: 'anonymous' }]) {
      expect(await refusal(v.principalOf(bearer(await mint(claims)), null))).toEqual({
        code: 'UNAUTHENTICATED',
        status: 401,
        message: 'Not authenticated: the token names no caller kind (citizen, portal, officer or partner)',
      });
    }
  });

  it('a citizen, portal or officer token whose subject is not a valid IIN', async () => {
    const v = verifier();
    const badIin = '850314301235'; // control digit wrong
    for (const claims of [{ kind: 'citizen' }, { kind: 'portal', client_id: 'egov-portal' }, { kind: 'officer', agency: 'MINT-KTRM' }]) {
      expect(await refusal(v.principalOf(bearer(await mint(claims, { subject: badIin })), null))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    }
  });

  it('a portal token that does not name the portal, and an officer token that does not name the agency', async () => {
    const v = verifier();
    expect(await refusal(v.principalOf(bearer(await mint({ kind: 'portal' })), null))).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'Not authenticated: a portal token must name the portal (client_id)',
    });
    expect(await refusal(v.principalOf(bearer(await mint({ kind: 'officer' }, { subject: OFFICER_IIN })), null))).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'Not authenticated: an officer token must name a configured agency',
    });
  });

  it.each([
    ['an agency nobody configured', { agency: 'AKIMAT-NOWHERE' }],
    ['a configured agency in lower case', { agency: 'mint-ktrm' }],
    ['a configured agency with a trailing space', { agency: 'MINT-KTRM ' }],
    ["a name every object's prototype holds", { agency: '__proto__' }],
    ['an agency given as a list', { agency: ['MINT-KTRM'] }],
    ['a configured agency and no roles', { agency: 'MINT-KTRM', roles: [] }],
    ['a configured agency and no roles claim', { agency: 'MINT-KTRM', roles: undefined }],
    ['a configured agency and only blank roles', { agency: 'MINT-KTRM', roles: [''] }],
  ])('an officer token with %s', async (_case, claims) => {
    const token = await mint({ kind: 'officer', roles: ['reviewer'], ...claims }, { subject: OFFICER_IIN });
    expect(await refusal(verifier().principalOf(bearer(token), null))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('a partner token for a client that is not in the partner registry, whatever purpose it states', async () => {
    const token = await partnerToken('unknown-system', 'legal-entities:read');
    expect(await refusal(verifier().principalOf(bearer(token), 'statistics'))).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'Not authenticated: the partner system is not registered',
    });
  });
});

describe('a token lives at most the maximum token age (12 h by default)', () => {
  const HOUR = 3600;
  it.each([
    ['issued now to live ten years', { issuedAgo: 5, expiresIn: 10 * 365 * 24 * HOUR }],
    ['issued now to live 13 hours', { issuedAgo: 5, expiresIn: 13 * HOUR }],
    ['issued 13 hours ago, expiring in an hour', { issuedAgo: 13 * HOUR, expiresIn: HOUR }],
    ['issued 11 hours ago to live 13 hours', { issuedAgo: 11 * HOUR, expiresIn: 2 * HOUR }],
    ['claiming to be issued an hour from now', { issuedAgo: -HOUR, expiresIn: 2 * HOUR }],
    ['without an issue time', { issuedAgo: null, expiresIn: HOUR }],
  ])('a token %s is refused', async (_case, times) => {
    expect(await refusal(verifier().principalOf(bearer(await citizenToken(CITIZEN_IIN, times)), null))).toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401,
    });
  });

  it('a token issued 11 hours ago for 11.5 hours is accepted, and no longer once it is older than the maximum', async () => {
    const v = verifier();
    const token = await citizenToken(CITIZEN_IIN, { issuedAgo: 11 * 3600, expiresIn: 1800 });
    expect((await v.principalOf(bearer(token), null)).kind).toBe('citizen');
    clock += 20 * 60 * 1000; // 11 h 20 min old, still valid by exp
    expect((await v.principalOf(bearer(token), null)).kind).toBe('citizen');
  });
});

describe('a partner must state a purpose it was granted (X-Purpose), 403', () => {
  it('without a purpose the request is refused with PURPOSE_REQUIRED', async () => {
    const token = await partnerToken('stat-register');
    for (const purpose of [null, undefined, '']) {
      expect(await refusal(verifier().principalOf(bearer(token), purpose))).toMatchObject({ code: 'PURPOSE_REQUIRED', status: 403 });
    }
  });

  it('a purpose granted to another partner, or to nobody, is refused with PURPOSE_NOT_ALLOWED', async () => {
    const token = await partnerToken('stat-register');
    for (const purpose of ['tax-audit', 'curiosity']) {
      expect(await refusal(verifier().principalOf(bearer(token), purpose))).toEqual({
        code: 'PURPOSE_NOT_ALLOWED',
        status: 403,
        message: `Purpose "${purpose}" is not among those granted to stat-register`,
      });
    }
  });

  it('the purpose is checked on every request, also when the token itself is remembered', async () => {
    const v = verifier();
    const token = await partnerToken('kgd-tax-audit');
    expect((await v.principalOf(bearer(token), 'tax-audit')).purpose).toBe('tax-audit');
    expect(await refusal(v.principalOf(bearer(token), 'statistics'))).toMatchObject({ code: 'PURPOSE_NOT_ALLOWED' });
    expect(await refusal(v.principalOf(bearer(token), null))).toMatchObject({ code: 'PURPOSE_REQUIRED' });
    expect((await v.principalOf(bearer(token), 'tax-audit')).purpose).toBe('tax-audit');
  });

  it('citizens and officers need no purpose; a stated one is ignored', async () => {
    const principal = await verifier().principalOf(bearer(await citizenToken()), 'tax-audit');
    expect(principal.purpose).toBeNull();
  });
});

describe('verified tokens are remembered until they expire', () => {
  it('a token seen before is not verified again', async () => {
    const v = verifier();
    const token = bearer(await citizenToken());
    const first = await v.principalOf(token, null);
    const second = await v.principalOf(token, null);
    expect(second).toEqual(first);
    expect(vi.mocked(jwtVerify)).toHaveBeenCalledTimes(1);
  });

  it('a remembered token stops working the moment it expires (no clock tolerance)', async () => {
    const v = verifier({ clockToleranceSeconds: 0 });
    const token = bearer(await citizenToken(CITIZEN_IIN, { expiresIn: 60 }));
    expect((await v.principalOf(token, null)).kind).toBe('citizen');
    clock += 59_000;
    expect((await v.principalOf(token, null)).kind).toBe('citizen');
    clock += 1_000;
    expect(await refusal(v.principalOf(token, null))).toEqual({ code: 'UNAUTHENTICATED', status: 401, message: 'Not authenticated: the token has expired' });
    clock += 3_600_000;
    expect(await refusal(v.principalOf(token, null))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('with the default tolerance a remembered token is refused once the 30 s skew allowance has passed', async () => {
    const v = verifier();
    const token = bearer(await citizenToken(CITIZEN_IIN, { expiresIn: 60 }));
    expect((await v.principalOf(token, null)).kind).toBe('citizen');
    clock += 60_000 + 31_000;
    expect(await refusal(v.principalOf(token, null))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Not authenticated: the token has expired' });
  });

  it('a remembered token does not vouch for a copy with an altered signature', async () => {
    const v = verifier();
    const token = await citizenToken();
    await v.principalOf(bearer(token), null);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const altered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await refusal(v.principalOf(bearer(altered), null))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a token forged with the same header and claims but another key is refused, though the genuine one is remembered', async () => {
    const v = verifier();
    const genuine = await citizenToken();
    expect((await v.principalOf(bearer(genuine), null)).kind).toBe('citizen');
    const claims = JSON.parse(Buffer.from(genuine.split('.')[1]!, 'base64url').toString('utf8'));
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: issuerKey.kid, typ: 'JWT' }).sign(strangerKey.key);
    expect(forged.split('.').slice(0, 2)).toEqual(genuine.split('.').slice(0, 2));
    expect(await refusal(v.principalOf(bearer(forged), null))).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: 'Not authenticated: the token signature is not valid',
    });
    expect(v.cachedTokens).toBe(1);
  });

  it('remembers tokens by their SHA-256 only: no token, nor any part of one, is a cache key', async () => {
    const v = verifier();
    const tokens = [await citizenToken(), await partnerToken('kgd-tax-audit')];
    await v.principalOf(bearer(tokens[0]!), null);
    await v.principalOf(bearer(tokens[1]!), 'tax-audit');
    const keys = v.cacheKeys();
    expect(keys.sort()).toEqual(tokens.map(tokenCacheKey).sort());
    for (const key of keys) {
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      for (const token of tokens) for (const part of token.split('.')) expect(key.includes(part) || part.includes(key)).toBe(false);
    }
  });

  it('is bounded: with room for two, the least recently used token is forgotten and verified again', async () => {
    const v = verifier({ cacheSize: 2 });
    const [a, b, c] = [bearer(await citizenToken()), bearer(await citizenToken(OFFICER_IIN)), bearer(await citizenToken())];
    await v.principalOf(a, null);
    await v.principalOf(b, null);
    await v.principalOf(a, null); // a is now the most recently used
    await v.principalOf(c, null); // b goes
    expect(v.cachedTokens).toBe(2);
    expect(vi.mocked(jwtVerify)).toHaveBeenCalledTimes(3);
    await v.principalOf(a, null);
    await v.principalOf(c, null);
    expect(vi.mocked(jwtVerify)).toHaveBeenCalledTimes(3);
    await v.principalOf(b, null);
    expect(vi.mocked(jwtVerify)).toHaveBeenCalledTimes(4);
  });

  it('a remembered token is refused as soon as the key that verified it leaves the issuer key set (rotation)', async () => {
    const next = await makeKey('issuer-2026');
    let served: object = { keys: [...(issuerKey as Signer & { jwks: { keys: object[] } }).jwks.keys] };
    const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(served)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const realNow = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: realNow });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
      const v = verifier({ issuers: [{ issuer: ISSUER, jwks: url }] });
      const old = bearer(await citizenToken());
      const renewed = bearer(await citizenToken(CITIZEN_IIN, { signer: next }));
      expect((await v.principalOf(old, null)).kind).toBe('citizen');
      expect((await v.principalOf(old, null)).kind).toBe('citizen');
      expect(vi.mocked(jwtVerify)).toHaveBeenCalledTimes(1);

      // The issuer publishes the new key and drops the old one; our copy of the set is refreshed after 10 min.
      served = next.jwks;
      vi.setSystemTime(realNow + 11 * 60_000);
      expect(await refusal(v.principalOf(old, null))).toEqual({
        code: 'UNAUTHENTICATED',
        status: 401,
        message: 'Not authenticated: the token is signed with an unknown key',
      });
      expect(v.cachedTokens).toBe(0);
      expect((await v.principalOf(renewed, null)).kind).toBe('citizen');
    } finally {
      vi.useRealTimers();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a refused token is not remembered as good: it is refused again on the next request', async () => {
    const v = verifier();
    const token = bearer(await citizenToken(CITIZEN_IIN, { audience: 'some-other-api' }));
    expect(await refusal(v.principalOf(token, null))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(v.principalOf(token, null))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('the partner registry file', () => {
  it('gives each registered client its grant, and nothing for others', () => {
    const registry = PartnerRegistry.fromFile(partnersFile);
    const statistics: PartnerGrant = { clientId: 'stat-register', name: 'Statistics', scopes: ['legal-entities:read'], purposes: ['statistics'], exemptBy: {} };
    expect(registry.grantOf('stat-register')).toEqual(statistics);
    expect(registry.grantOf('unknown-system')).toBeUndefined();
  });

  it('knows which purposes a law exempts from consent, by their legal basis; the others, unknown clients and purposes need consent', () => {
    const registry = PartnerRegistry.fromFile(partnersFile);
    expect(registry.grantOf('kgd-tax-audit')?.purposes).toEqual(['tax-audit', 'debt-collection']);
    expect(registry.exemptionOf('kgd-tax-audit', 'tax-audit')).toBe('Law No. 94-V, art. 9: tax control under the Tax Code');
    expect(registry.exemptionOf('kgd-tax-audit', 'debt-collection')).toBeNull();
    expect(registry.exemptionOf('stat-register', 'statistics')).toBeNull();
    expect(registry.exemptionOf('unknown-system', 'tax-audit')).toBeNull();
  });

  it.each([
    ['an empty legal basis', [{ code: 'tax-audit', exemptBy: ' ' }], /partners\.0\.purposes\.0\.exemptBy: the legal basis must not be empty/],
    ['a misspelt field', [{ code: 'tax-audit', exemptedBy: 'art. 9' }], /partners\.0\.purposes\.0: /],
    ['a purpose listed twice', ['tax-audit', { code: 'tax-audit', exemptBy: 'art. 9' }], /partners\.0\.purposes\.1: purpose "tax-audit" is listed twice/],
  ])('refuses at start a purpose with %s, as a ConfigError naming the field', (_what, purposes, message) => {
    const bad = join(dir, 'bad-purposes.json');
    writeFileSync(bad, JSON.stringify({ partners: [{ clientId: 'x', name: 'X', scopes: ['individuals:basic'], purposes }] }));
    expect(() => PartnerRegistry.fromFile(bad)).toThrow(ConfigError);
    expect(() => PartnerRegistry.fromFile(bad)).toThrow(message);
  });

  it('refuses a file with a malformed scope or no purposes, naming the file and the problem', () => {
    const bad = join(dir, 'bad-partners.json');
    writeFileSync(bad, JSON.stringify({ partners: [{ clientId: 'x', name: 'X', scopes: ['Everything'], purposes: [] }] }));
    expect(() => PartnerRegistry.fromFile(bad)).toThrow(/bad-partners\.json is invalid: partners\.0\.scopes\.0: .*; partners\.0\.purposes: /);
  });
});
