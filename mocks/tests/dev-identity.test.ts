import { fillPath, paymentsApi } from '@egov/contracts';
import { TrustStore, verifyDetachedSignature } from '@egov/security/signatures';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_OFFICER_IIN, type RunningDevIdentity, startDevIdentity } from '../src/dev-identity/server.js';
import { MockRegistryServers } from '../src/http.js';
import { NAMED, TEST_TRUST_FILES } from '../src/index.js';
import { createRegistryState } from '../src/state.js';

const state = createRegistryState({ persons: 20 });
const portal = 'http://127.0.0.1:4000/signed-in';
let identity: RunningDevIdentity;

beforeAll(async () => {
  identity = await startDevIdentity({ state, env: {} });
});
afterAll(() => identity?.close());

const signIn = (fields: Record<string, string>) =>
  fetch(identity.authorizeUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'egov-portal', redirect_uri: portal, state: 'state-1234', ...fields }),
  });

function tokenIn(location: string | null) {
  const fragment = new URLSearchParams(new URL(location!).hash.slice(1));
  return { token: fragment.get('access_token')!, state: fragment.get('state'), claims: decodeJwt(fragment.get('access_token')!) };
}

describe('the test identity provider (development only)', () => {
  it('shows the named fixture persons to pick from, with the companies they head', async () => {
    const page = await (
      await fetch(`${identity.authorizeUrl}?${new URLSearchParams({ client_id: 'egov-portal', redirect_uri: portal, state: 'state-1234' })}`)
    ).text();
    expect(page).toContain('development only');
    expect(page).toContain('Жумабаева Гульнара Ерлановна');
    expect(page).toMatch(/heads ТОО «Сарыарка Металл»/);
    expect(page).toContain('value="citizen:850314301234"');
  });

  it("a person who picks 850314301234 returns to the portal with a portal token naming them, and the portal's state", async () => {
    const answer = await signIn({ subject: `citizen:${NAMED.manWithLicences}` });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')!.startsWith(`${portal}#access_token=`)).toBe(true);
    const { claims, state: returned } = tokenIn(answer.headers.get('location'));
    expect(returned).toBe('state-1234');
    expect(claims).toMatchObject({ kind: 'portal', sub: NAMED.manWithLicences, client_id: 'egov-portal', aud: 'egov-graph' });
  });

  it('an officer picks an agency and gets an officer token for it', async () => {
    const { claims } = tokenIn((await signIn({ subject: 'officer', agency: 'MINT-KTRM' })).headers.get('location'));
    expect(claims).toMatchObject({ kind: 'officer', sub: DEV_OFFICER_IIN, agency: 'MINT-KTRM', roles: ['reviewer', 'decider'] });
  });

  it('a typed IIN with a wrong control digit is refused on the page with the reason', async () => {
    const answer = await signIn({ subject: 'citizen:other', other_iin: '850314301235' });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/Not a valid IIN: .*control digit/);
  });

  it('never sends a token to another host', async () => {
    const answer = await fetch(identity.authorizeUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'egov-portal',
        redirect_uri: 'https://attacker.example/cb',
        state: 'state-1234',
        subject: `citizen:${NAMED.manWithLicences}`,
      }),
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('location')).toBeNull();
  });

  it('does not start in production', async () => {
    await expect(startDevIdentity({ state, env: { NODE_ENV: 'production' } })).rejects.toThrow(/development only/);
  });
});

describe('signing with the test key (development only)', () => {
  const payload = new TextEncoder().encode('{"type":"egov-graph/application/v1"}');
  const tokenOf = async (subject: string) => tokenIn((await signIn({ subject })).headers.get('location')).token;
  const sign = (token: string | null, body: object, origin = 'http://127.0.0.1:4000') =>
    fetch(identity.signUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('signs as the person the token names, for the company they head when asked, and the signature verifies against the test CA', async () => {
    const trust = await TrustStore.fromFiles(TEST_TRUST_FILES);
    const token = await tokenOf(`citizen:${NAMED.llpHead}`);
    const answer = await sign(token, { data: Buffer.from(payload).toString('base64'), bin: NAMED.llp });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4000');
    const { signature } = (await answer.json()) as { signature: string };
    expect(await verifyDetachedSignature({ payload, signature, trust, expect: { iin: NAMED.llpHead, bin: NAMED.llp } })).toMatchObject({ ok: true });
  });

  it('refuses without a token, and answers a browser on another host no CORS grant', async () => {
    expect((await sign(null, { data: 'AAAA' })).status).toBe(401);
    const preflight = await fetch(identity.signUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses what is not base64 bytes', async () => {
    const answer = await sign(await tokenOf(`citizen:${NAMED.manWithLicences}`), { data: 'not base64!' });
    expect(answer.status).toBe(400);
  });
});

describe('the mock bank page behind a ПШЭП paymentUrl', () => {
  const servers = new MockRegistryServers({ state });
  beforeAll(() => servers.startAll());
  afterAll(() => servers.close());

  it('shows the order, and its Pay button marks it paid', async () => {
    const opened = await fetch(servers.url('payments') + paymentsApi.create, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        payerId: NAMED.llp,
        purpose: 'Licence fee',
        serviceCode: 'state-symbols-licence',
        action: 'ISSUE',
        amount: '43250.00',
        orderKey: 'page-test-0001',
      }),
    });
    const { paymentUrl, payment } = (await opened.json()) as { paymentUrl: string; payment: { id: string } };
    const page = await (await fetch(paymentUrl)).text();
    expect(page).toContain(payment.id);
    expect(page).toMatch(/<form method="post"><button type="submit">Оплатить 43[\s\u00a0\u202f]250,00 KZT/);

    const done = await fetch(paymentUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(done.headers.get('content-type')).toContain('text/html');
    expect(await done.text()).toContain('Оплачено / Paid');
    const record = (await (await fetch(servers.url('payments') + fillPath(paymentsApi.payment, { id: payment.id }))).json()) as { status: string };
    expect(record.status).toBe('PAID');
  });
});
