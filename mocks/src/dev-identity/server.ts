import { readFileSync } from 'node:fs';
import { checkBin, checkIin } from '@egov/contracts';
import { createHttpServer, type HttpServerSettings } from '@egov/core';
import { DEFAULT_AGENCIES_FILE } from '@egov/domain';
import { PartnerRegistry, TokenVerifier } from '@egov/security';
import { signDetached } from '@egov/security/signatures';
import express, { type Request, type Response } from 'express';
import { mintToken, TEST_AUDIENCE, TEST_ISSUER, TEST_JWKS_FILE, TEST_PARTNERS_FILE, type TokenRequest } from '../auth/index.js';
import { NAMED } from '../fixtures/index.js';
import { TestSigner } from '../security.js';
import type { RegistryState } from '../state.js';
import { type SignInChoice, signInPage } from './sign-in-page.js';

/**
 * Development services a portal in a browser needs and production gets elsewhere:
 *
 * - GET/POST /authorize: the test identity provider's sign-in. The portal sends the browser here (as it
 *   would send it to the state IdP); the person picks a fixture identity; the browser returns to the
 *   portal's redirect_uri with a token in the URL fragment (`#access_token=…&state=…`).
 * - POST /sign: "sign with the test key". In production NCALayer signs on the person's own machine with
 *   their key; here the test CA's keys are files, so signing happens on this server, and only as the
 *   person the bearer token names.
 *
 * Both accept only loopback origins and redirect targets, and the server refuses to start in production.
 */
export interface DevIdentityOptions {
  /** Names the sign-in page shows; any person of the mock registries may sign in. */
  state: RegistryState;
  port?: number;
  host?: string;
  /** Token lifetime in seconds (default 8 hours, a working day). */
  tokenLifetimeSeconds?: number;
  env?: Record<string, string | undefined>;
  /** Client timeouts and the shutdown grace period; the defaults when unset. */
  http?: Partial<HttpServerSettings>;
}

export interface RunningDevIdentity {
  url: string;
  /** Where a portal sends the browser to sign in. */
  authorizeUrl: string;
  /** Where a portal posts what a person signs with the test key. */
  signUrl: string;
  close(): Promise<void>;
}

/** Every development officer signs in with this valid IIN that no registry holds; the agency is picked. */
export const DEV_OFFICER_IIN = '770707342424';
const MAX_SIGNED_BYTES = 64 * 1024;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname);
  } catch {
    return false;
  }
}

function citizensOf(state: RegistryState): SignInChoice[] {
  const named = [NAMED.manWithLicences, NAMED.llpHead, NAMED.entrepreneur, NAMED.youngWoman];
  return named.flatMap((iin) => {
    const person = state.persons.get(iin);
    if (!person) return [];
    const heads = [...state.entities.values()].filter((e) => e.headIin === iin).map((e) => e.shortNameRu);
    const detail = [`IIN ${iin}`, person.entrepreneur ? 'individual entrepreneur' : null, heads.length ? `heads ${heads.join(', ')}` : null]
      .filter(Boolean)
      .join(' · ');
    return [{ value: `citizen:${iin}`, label: `${person.lastName} ${person.firstName} ${person.middleName ?? ''}`.trim(), detail }];
  });
}

function agencies(): { code: string; name: string }[] {
  return (JSON.parse(readFileSync(DEFAULT_AGENCIES_FILE, 'utf8')) as { agencies: { code: string; name: string }[] }).agencies.map(({ code, name }) => ({
    code,
    name,
  }));
}

export async function startDevIdentity(options: DevIdentityOptions): Promise<RunningDevIdentity> {
  const env = options.env ?? process.env;
  if (env.NODE_ENV === 'production')
    throw new Error('The test identity provider and test-key signer are for development only; they do not start with NODE_ENV=production');
  const lifetime = options.tokenLifetimeSeconds ?? 8 * 3600;
  const verifier = new TokenVerifier({
    issuers: [{ issuer: TEST_ISSUER, jwks: TEST_JWKS_FILE }],
    audience: TEST_AUDIENCE,
    partners: PartnerRegistry.fromFile(TEST_PARTNERS_FILE),
  });
  const agencyList = agencies();
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
    next();
  });

  // ----- sign-in -----------------------------------------------------------------------------------
  const authorizeRequest = (source: Record<string, unknown>) => {
    const clientId = String(source.client_id ?? '');
    const redirectUri = String(source.redirect_uri ?? '');
    const state = String(source.state ?? '');
    if (!/^[\w-]{1,64}$/.test(clientId)) return { error: 'client_id is missing or malformed' } as const;
    // Only back to this machine: a development IdP must not hand tokens to another host.
    if (!isLoopbackUrl(redirectUri)) return { error: 'redirect_uri must be an http(s) URL on this machine (127.0.0.1, localhost or [::1])' } as const;
    if (!/^[\w-]{8,128}$/.test(state)) return { error: 'state is missing or malformed (8-128 letters, digits, - or _)' } as const;
    return { clientId, redirectUri, state } as const;
  };

  const page = (res: Response, request: { clientId: string; redirectUri: string; state: string }, error?: string) =>
    res
      .status(error ? 400 : 200)
      // The form posts here and is redirected back to the portal: browsers hold that redirect to form-action too.
      .set({
        'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${new URL(request.redirectUri).origin}; frame-ancestors 'none'`,
      })
      .type('html')
      .send(signInPage({ ...request, citizens: citizensOf(options.state), agencies: agencyList, officerIin: DEV_OFFICER_IIN, error }));

  app.get('/authorize', (req, res) => {
    const request = authorizeRequest(req.query);
    if ('error' in request) return res.status(400).type('text').send(`Cannot sign in: ${request.error}`);
    page(res, request);
  });

  app.post('/authorize', express.urlencoded({ extended: false, limit: '8kb' }), async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const request = authorizeRequest(body);
    if ('error' in request) return res.status(400).type('text').send(`Cannot sign in: ${request.error}`);
    let who: TokenRequest;
    if (body.subject === 'officer') {
      if (!agencyList.some((a) => a.code === body.agency)) return page(res, request, 'Pick one of the agencies');
      who = { kind: 'officer', iin: DEV_OFFICER_IIN, agency: body.agency!, roles: ['reviewer', 'decider'] };
    } else {
      const iin = body.subject === 'citizen:other' ? String(body.other_iin ?? '').trim() : String(body.subject ?? '').replace(/^citizen:/, '');
      const checked = checkIin(iin);
      if (!checked.ok) return page(res, request, `Not a valid IIN: ${checked.problem}`);
      if (!options.state.persons.has(iin)) return page(res, request, 'The mock registries hold no person with this IIN');
      // The portal acts for the person: a `portal` token names both (the subject and the portal's client id).
      who = { kind: 'portal', iin, clientId: request.clientId };
    }
    const token = await mintToken(who, { expiresIn: lifetime });
    const fragment = new URLSearchParams({ access_token: token, token_type: 'Bearer', expires_in: String(lifetime), state: request.state });
    res.redirect(303, `${request.redirectUri.split('#')[0]}#${fragment}`);
  });

  // ----- signing with the test key -----------------------------------------------------------------
  app.use('/sign', (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && isLoopbackUrl(origin)) {
      res.set({
        'access-control-allow-origin': origin,
        vary: 'Origin',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-allow-methods': 'POST',
        'access-control-max-age': '600',
      });
    }
    if (req.method === 'OPTIONS') return res.status(204).end();
    next();
  });

  app.post('/sign', express.json({ limit: `${Math.ceil((MAX_SIGNED_BYTES * 4) / 3) + 1024}b` }), async (req: Request, res: Response) => {
    let signerIin: string | null;
    try {
      const principal = await verifier.principalOf(req.headers.authorization, null);
      if (principal.kind === 'anonymous')
        return res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first: signing needs the bearer token of the person who signs' } });
      signerIin = principal.kind === 'citizen' || principal.kind === 'portal' || principal.kind === 'officer' ? principal.iin : null;
    } catch (error) {
      return res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: (error as Error).message } });
    }
    if (!signerIin) return res.status(403).json({ error: { code: 'FORBIDDEN', message: 'Only a signed-in person signs' } });
    const { data, bin } = (req.body ?? {}) as { data?: unknown; bin?: unknown };
    if (typeof data !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(data))
      return res.status(400).json({ error: { code: 'BAD_REQUEST', message: 'data must be the base64 of the bytes to sign' } });
    const bytes = new Uint8Array(Buffer.from(data, 'base64'));
    if (bytes.byteLength === 0 || bytes.byteLength > MAX_SIGNED_BYTES)
      return res.status(400).json({ error: { code: 'BAD_REQUEST', message: `between 1 and ${MAX_SIGNED_BYTES} bytes can be signed` } });
    if (bin !== undefined && bin !== null && !(typeof bin === 'string' && checkBin(bin).ok))
      return res.status(400).json({ error: { code: 'INVALID_BIN', message: 'bin must be a valid BIN' } });
    // A company's head signs with a certificate issued for the company's BIN, as НУЦ issues them.
    const key = await (await TestSigner.shared()).keyOf(signerIin, typeof bin === 'string' ? bin : undefined);
    const signature = await signDetached({ payload: bytes, privateKey: key.privateKey, certificate: key.certificatePem, chain: key.chainPem });
    res.json({ signature });
  });

  app.get('/health', (_req, res) => res.json({ status: 'ok', purpose: 'development only' }));
  app.use((_req, res) => res.status(404).type('text').send('Not found'));

  const served = createHttpServer(app, options.http);
  const url = `http://${options.host ?? '127.0.0.1'}:${await served.listen(options.port ?? 0, options.host ?? '127.0.0.1')}`;
  return {
    url,
    authorizeUrl: `${url}/authorize`,
    signUrl: `${url}/sign`,
    // Requests in flight (a sign-in, a signature) finish within the grace period.
    close: () => served.close(),
  };
}
