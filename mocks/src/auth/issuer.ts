import { randomUUID, type webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importJWK, type JWK, SignJWT } from 'jose';

/**
 * A test identity provider: tokens for every caller kind, signed with a committed, test-only key whose
 * public half is `data/auth/jwks.json`. Never trust this issuer in production.
 */
export const TEST_ISSUER = 'https://idp.test.egov-graph.local';
export const TEST_AUDIENCE = 'egov-graph';
export const TEST_JWKS_FILE = fileURLToPath(new URL('../../data/auth/jwks.json', import.meta.url));
export const TEST_PARTNERS_FILE = fileURLToPath(new URL('../../data/auth/partners.dev.json', import.meta.url));
const PRIVATE_KEY_FILE = new URL('../../data/auth/issuer-private.jwk.json', import.meta.url);

export type TokenRequest =
  | { kind: 'citizen'; iin: string }
  | { kind: 'portal'; iin: string; clientId?: string }
  | { kind: 'officer'; iin: string; agency: string; roles?: string[] }
  | { kind: 'partner'; clientId: string; scopes?: string[] };

export interface MintOptions {
  /** Seconds until expiry (negative for an already expired token). Default 3600. */
  expiresIn?: number;
  audience?: string;
  issuer?: string;
  /** Sign with another key (a forged token). */
  key?: CryptoKey;
}

type CryptoKey = webcrypto.CryptoKey;

let signingKey: Promise<{ key: CryptoKey; kid: string }> | undefined;

function testKey() {
  signingKey ??= (async () => {
    const jwk = JSON.parse(readFileSync(PRIVATE_KEY_FILE, 'utf8')) as JWK;
    return { key: (await importJWK(jwk, 'ES256')) as CryptoKey, kid: jwk.kid! };
  })();
  return signingKey;
}

export async function mintToken(request: TokenRequest, options: MintOptions = {}): Promise<string> {
  const { key, kid } = options.key ? { key: options.key, kid: 'forged' } : await testKey();
  const claims: Record<string, unknown> = { kind: request.kind };
  let subject: string;
  switch (request.kind) {
    case 'citizen':
      subject = request.iin;
      break;
    case 'portal':
      subject = request.iin;
      claims.client_id = request.clientId ?? 'egov-portal';
      break;
    case 'officer':
      subject = request.iin;
      claims.agency = request.agency;
      claims.roles = request.roles ?? ['reviewer', 'decider'];
      break;
    case 'partner':
      subject = request.clientId;
      if (request.scopes) claims.scope = request.scopes.join(' ');
      break;
  }
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(options.issuer ?? TEST_ISSUER)
    .setAudience(options.audience ?? TEST_AUDIENCE)
    .setIssuedAt(now - 5)
    .setExpirationTime(now + (options.expiresIn ?? 3600))
    .setJti(randomUUID())
    .sign(key);
}

/** An unsigned token ("alg": "none"), as an attacker would send it. */
export function unsignedToken(request: TokenRequest & { kind: 'citizen' }): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ kind: 'citizen', sub: request.iin, iss: TEST_ISSUER, aud: TEST_AUDIENCE, iat: now, exp: now + 3600 })}.`;
}
