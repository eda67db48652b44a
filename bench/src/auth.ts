import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken, TEST_AUDIENCE, TEST_ISSUER, TEST_JWKS_FILE, TEST_PARTNERS_FILE } from '@egov/mocks';

/**
 * The mocks' test identity provider: the subgraphs verify bearer tokens against its JWKS, and the load
 * process signs one token per caller with its test key.
 */
export interface TestIssuer {
  mintToken(
    request: { kind: 'citizen'; iin: string } | { kind: 'partner'; clientId: string; scopes?: string[] },
    options?: { expiresIn?: number },
  ): Promise<string>;
  TEST_ISSUER: string;
  TEST_AUDIENCE: string;
  TEST_JWKS_FILE: string;
  TEST_PARTNERS_FILE: string;
}

export const testIssuer: TestIssuer = { mintToken, TEST_ISSUER, TEST_AUDIENCE, TEST_JWKS_FILE, TEST_PARTNERS_FILE };

/**
 * What the subgraphs (and our gateway) need to verify the test issuer's tokens, as `npm start` sets it up.
 * Values already in the environment win.
 */
export function securityEnv(issuer: TestIssuer | null, env: Record<string, string | undefined> = process.env): Record<string, string> {
  if (!issuer) return {};
  const pick = (name: string, fallback: string) => env[name] ?? fallback;
  return {
    AUTH_ISSUER: pick('AUTH_ISSUER', issuer.TEST_ISSUER),
    AUTH_JWKS: pick('AUTH_JWKS', issuer.TEST_JWKS_FILE),
    AUTH_AUDIENCE: pick('AUTH_AUDIENCE', issuer.TEST_AUDIENCE),
    PARTNERS_FILE: pick('PARTNERS_FILE', issuer.TEST_PARTNERS_FILE),
    AUDIT_SUBJECT_KEY: pick('AUDIT_SUBJECT_KEY', randomBytes(24).toString('hex')),
    ...anchorEnv(env),
  };
}

/** Production (NODE_ENV=production) anchors the audit trail: a checkpoint directory and key of the session's own. */
export function anchorEnv(env: Record<string, string | undefined>): Record<string, string> {
  if (env.AUDIT_ANCHOR_KEY_FILE)
    return { AUDIT_ANCHOR_KEY_FILE: env.AUDIT_ANCHOR_KEY_FILE, ...(env.AUDIT_ANCHOR_DIR ? { AUDIT_ANCHOR_DIR: env.AUDIT_ANCHOR_DIR } : {}) };
  const dir = mkdtempSync(join(tmpdir(), 'egov-bench-anchor-'));
  const keyFile = join(dir, 'signing-key.pem');
  writeFileSync(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return { AUDIT_ANCHOR_KEY_FILE: keyFile, AUDIT_ANCHOR_DIR: join(dir, 'checkpoints') };
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** Who asks, per request: the person themselves, or a partner system stating its purpose. */
export type Caller = { kind: 'citizen'; iin: string } | { kind: 'partner'; clientId: string; purpose: string } | null;

/** Pre-signed tokens (autocannon builds requests synchronously), one per caller the session will use. */
export class Credentials {
  private readonly tokens = new Map<string, string>();
  /** Each caller's finished headers, built on first use (a partner's include its purpose). */
  private readonly built = new Map<string, Readonly<Record<string, string>>>();

  private constructor(private readonly issuer: TestIssuer) {}

  static async create(issuer: TestIssuer, callers: Exclude<Caller, null>[]): Promise<Credentials> {
    const credentials = new Credentials(issuer);
    const unique = [...new Map(callers.map((c) => [Credentials.key(c), c])).values()];
    for (let i = 0; i < unique.length; i += 64) {
      await Promise.all(unique.slice(i, i + 64).map((caller) => credentials.mint(caller)));
    }
    return credentials;
  }

  get size(): number {
    return this.tokens.size;
  }

  private static key(caller: Exclude<Caller, null>): string {
    return caller.kind === 'citizen' ? `citizen:${caller.iin}` : `partner:${caller.clientId}`;
  }

  private async mint(caller: Exclude<Caller, null>): Promise<void> {
    const request = caller.kind === 'citizen' ? ({ kind: 'citizen', iin: caller.iin } as const) : ({ kind: 'partner', clientId: caller.clientId } as const);
    // Longer than any session, within the maximum token age the verifiers enforce (12 h from iat, which the
    // test issuer sets 5 s in the past: a 12 h token is refused as issued to live too long).
    this.tokens.set(Credentials.key(caller), await this.issuer.mintToken(request, { expiresIn: 6 * 3600 }));
  }

  /** The headers a request by this caller carries (the same object every time: do not modify it); none for an anonymous one. */
  headers(caller: Caller): Readonly<Record<string, string>> {
    if (!caller) return NO_HEADERS;
    const key = caller.kind === 'partner' ? `${Credentials.key(caller)}:${caller.purpose}` : Credentials.key(caller);
    let headers = this.built.get(key);
    if (!headers) {
      const token = this.tokens.get(Credentials.key(caller));
      if (!token) throw new Error(`no token prepared for ${Credentials.key(caller)}`);
      headers = caller.kind === 'partner' ? { authorization: `Bearer ${token}`, 'x-purpose': caller.purpose } : { authorization: `Bearer ${token}` };
      this.built.set(key, headers);
    }
    return headers;
  }
}
