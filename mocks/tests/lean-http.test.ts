import { connect } from 'node:net';
import { consentsApi, fillPath, individualsApi, legalEntitiesApi, licensingApi, paymentsApi, type RegistryName } from '@egov/contracts';
import { http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MockRegistryServers, REGISTRY_NAMES } from '../src/http.js';
import { activities, NAMED, scenarios } from '../src/index.js';
import { createRegistryState } from '../src/state.js';

interface Call {
  name: string;
  registry: RegistryName;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  contentType?: string;
}

const post = (registry: RegistryName, name: string, path: string, body: unknown): Call => ({ name, registry, method: 'POST', path, body });
const get = (registry: RegistryName, name: string, path: string): Call => ({ name, registry, method: 'GET', path });

const fixtures = createRegistryState({ persons: 40 }).fixtures;
const licence = fixtures.licenses[0]!;
const payment = fixtures.payments[0]!;
const application = {
  number: 'APP-2026-000042',
  serviceCode: 'LIC-1',
  action: 'ISSUE',
  applicantId: NAMED.manWithLicences,
  submittedAt: '2026-11-30T10:00:00+05:00',
  dueDate: null,
  paymentId: null,
  documents: [],
};
const order = { payerId: NAMED.youngWoman, purpose: 'Госпошлина', serviceCode: 'LIC-1', action: 'ISSUE', amount: '4325.00', orderKey: 'order-key-0001' };

/** In order: later calls see what earlier ones changed (an order opened, then confirmed; a consent withdrawn). */
const CALLS: Call[] = [
  post('individuals', 'persons: found and missing', individualsApi.personsBatch, { iins: [NAMED.manWithLicences, NAMED.unknownIin, NAMED.manWithLicences] }),
  post('individuals', 'persons: a bad id in the batch', individualsApi.personsBatch, { iins: ['123'] }),
  post('individuals', 'persons: an empty batch', individualsApi.personsBatch, { iins: [] }),
  post('individuals', 'persons: a body that is not JSON', individualsApi.personsBatch, '{"iins": ['),
  post('individuals', 'persons: no body', individualsApi.personsBatch, ''),
  get('individuals', 'person: found', fillPath(individualsApi.person, { iin: NAMED.llpHead })),
  get('individuals', 'person: found, trailing slash', `${fillPath(individualsApi.person, { iin: NAMED.llpHead })}/`),
  get('individuals', 'person: found, with a query', `${fillPath(individualsApi.person, { iin: NAMED.llpHead })}?fields=all`),
  get('individuals', 'person: missing', fillPath(individualsApi.person, { iin: NAMED.unknownIin })),
  get('individuals', 'person: bad id', fillPath(individualsApi.person, { iin: '12x' })),
  get('individuals', 'person: an id with an encoded space', fillPath(individualsApi.person, { iin: `${NAMED.llpHead} ` })),
  get(
    'individuals',
    'person: a percent-encoded id is decoded',
    `${individualsApi.basePath}/persons/${NAMED.llpHead.slice(0, 11)}%${NAMED.llpHead.charCodeAt(11).toString(16)}`,
  ),
  get('individuals', 'person: the path in capitals', fillPath(individualsApi.person, { iin: NAMED.llpHead }).toUpperCase()),
  get('individuals', 'unknown route', '/gbd-fl/v1/nothing-here'),
  { name: 'a route under another method', registry: 'individuals', method: 'DELETE', path: fillPath(individualsApi.person, { iin: NAMED.llpHead }) },
  get('individuals', 'another registry’s route', paymentsApi.byPayers),

  post('legal-entities', 'entities: found and missing', legalEntitiesApi.entitiesBatch, { bins: [NAMED.llp, NAMED.llpBranch, '999999999999'] }),
  post('legal-entities', 'entities: bad body', legalEntitiesApi.entitiesBatch, { bins: 'x' }),
  post('legal-entities', 'by participant', legalEntitiesApi.byParticipants, { iins: [NAMED.llpHead, NAMED.manWithLicences, NAMED.youngWoman] }),
  post('legal-entities', 'by participant: bad body', legalEntitiesApi.byParticipants, {}),
  get('legal-entities', 'entity: found', fillPath(legalEntitiesApi.entity, { bin: NAMED.nonResident })),
  get('legal-entities', 'entity: missing', fillPath(legalEntitiesApi.entity, { bin: '999999999999' })),
  get('legal-entities', 'entity: bad id', fillPath(legalEntitiesApi.entity, { bin: 'abc' })),

  post('licensing', 'licences: found and missing', licensingApi.licensesBatch, { numbers: [licence.number, 'nope'] }),
  post('licensing', 'by holder', licensingApi.byHolders, { holderIds: [NAMED.manWithLicences, NAMED.llp] }),
  post('licensing', 'by holder: bad body', licensingApi.byHolders, { holderIds: ['1'] }),
  get('licensing', 'licence: found', fillPath(licensingApi.license, { number: licence.number })),
  get('licensing', 'licence: missing', fillPath(licensingApi.license, { number: 'nope' })),
  {
    name: 'deliver: number differs',
    registry: 'licensing',
    method: 'PUT',
    path: fillPath(licensingApi.deliverApplication, { number: 'APP-OTHER' }),
    body: application,
  },
  {
    name: 'deliver: first',
    registry: 'licensing',
    method: 'PUT',
    path: fillPath(licensingApi.deliverApplication, { number: application.number }),
    body: application,
  },
  {
    name: 'deliver: again',
    registry: 'licensing',
    method: 'PUT',
    path: fillPath(licensingApi.deliverApplication, { number: application.number }),
    body: application,
  },
  ...[
    ['issue: unknown activity', { activityCode: 'NO-SUCH' }],
    ['issue: first', {}],
    ['issue: again', {}],
  ].map(
    ([name, fields]): Call => ({
      name: name as string,
      registry: 'licensing',
      method: 'PUT',
      path: fillPath(licensingApi.issueForApplication, { applicationNumber: application.number }),
      body: { holderId: NAMED.manWithLicences, activityCode: activities[0]!.code, territory: 'Астана', issuedOn: '2026-11-30', ...(fields as object) },
    }),
  ),

  post('payments', 'by payer', paymentsApi.byPayers, { payerIds: [NAMED.manWithLicences, NAMED.youngWoman] }),
  get('payments', 'payment: found', fillPath(paymentsApi.payment, { id: payment.id })),
  get('payments', 'payment: missing', fillPath(paymentsApi.payment, { id: 'PSH-NOPE' })),
  post('payments', 'create: bad amount', paymentsApi.create, { ...order, amount: '12' }),
  post('payments', 'create: opens an order', paymentsApi.create, order),
  post('payments', 'create: the same key, the same order', paymentsApi.create, order),
  get('payments', 'bank page: pending order', fillPath(paymentsApi.confirm, { id: 'PSH-20261202-900001' })),
  get('payments', 'bank page: no such order', fillPath(paymentsApi.confirm, { id: 'PSH-NOPE' })),
  {
    name: 'confirm from the bank page',
    registry: 'payments',
    method: 'POST',
    path: fillPath(paymentsApi.confirm, { id: 'PSH-20261202-900001' }),
    body: '',
    contentType: 'application/x-www-form-urlencoded',
  },
  post('payments', 'confirm by the bank: already paid', fillPath(paymentsApi.confirm, { id: 'PSH-20261202-900001' }), {}),
  post('payments', 'confirm: no such order', fillPath(paymentsApi.confirm, { id: 'PSH-NOPE' }), {}),
  get('payments', 'bank page: paid order', fillPath(paymentsApi.confirm, { id: 'PSH-20261202-900001' })),

  post('consents', 'lookup', consentsApi.lookup, { partnerId: 'bank-credit-check', subjects: [NAMED.manWithLicences, NAMED.llpHead] }),
  post('consents', 'lookup: bad body', consentsApi.lookup, { partnerId: '', subjects: [] }),
  post('consents', 'by subject', consentsApi.bySubject, { subject: NAMED.youngWoman }),
  post('consents', 'withdraw someone else’s consent', fillPath(consentsApi.withdraw, { id: 'CNS-2026-000001' }), { subject: NAMED.youngWoman }),
  post('consents', 'withdraw an unknown consent', fillPath(consentsApi.withdraw, { id: 'CNS-NOPE' }), { subject: NAMED.youngWoman }),
  post('consents', 'withdraw one’s own consent', fillPath(consentsApi.withdraw, { id: 'CNS-2026-000001' }), { subject: NAMED.manWithLicences }),
  post('consents', 'withdraw: bad body', fillPath(consentsApi.withdraw, { id: 'CNS-2026-000001' }), { subject: 'me' }),
];

interface Seen {
  status: number;
  type: string;
  body: unknown;
}

async function call(servers: MockRegistryServers, c: Call): Promise<Seen> {
  const origin = servers.url(c.registry);
  const body = c.body === undefined ? undefined : typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
  const contentType = c.contentType ?? (body === undefined ? undefined : 'application/json');
  const response = await fetch(origin + c.path, { method: c.method, body, headers: contentType ? { 'content-type': contentType } : {} });
  // The port differs between the two servers; the paymentUrl built from the request origin must not.
  const text = (await response.text()).replaceAll(origin, 'ORIGIN');
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!;
  return { status: response.status, type, body: type === 'application/json' ? JSON.parse(text) : text };
}

/** Lets every request through to the registry's own msw handlers, but only over the msw path. */
const fallThrough = (seen: { calls: number }) =>
  http.all('*', () => {
    seen.calls += 1;
    return undefined;
  });

describe('the lean HTTP path and msw answer from the same route table', () => {
  // Only Date is faked: the two servers stamp the same instants on what they create, and timers and sockets stay real.
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T08:00:00Z'));
  });
  afterAll(() => vi.useRealTimers());

  const leanState = createRegistryState({ persons: 40 });
  const mswState = createRegistryState({ persons: 40 });
  const lean = new MockRegistryServers({ state: leanState });
  const viaMsw = new MockRegistryServers({ state: mswState });
  const throughMsw = { calls: 0 };
  beforeAll(async () => {
    await lean.startAll();
    await viaMsw.startAll();
    for (const name of REGISTRY_NAMES) viaMsw.use(name, fallThrough(throughMsw));
  });
  afterAll(async () => {
    await lean.close();
    await viaMsw.close();
  });

  it.each(CALLS.map((c) => [`${c.registry}: ${c.name}`, c] as const))('%s', async (_name, c) => {
    const before = throughMsw.calls;
    const [fromLean, fromMsw] = [await call(lean, c), await call(viaMsw, c)];
    expect(throughMsw.calls).toBe(before + 1);
    expect(fromLean).toEqual(fromMsw);
  });

  it('the calls above covered every kind of answer, and both journals recorded the same calls', () => {
    expect(leanState.journal).toEqual(mswState.journal);
    expect(leanState.journal.length).toBeGreaterThan(30);
    expect(leanState.consents.get('CNS-2026-000001')?.status).toBe('WITHDRAWN');
    expect(leanState.payments.get('PSH-20261202-900001')?.status).toBe('PAID');
    expect(leanState.licencesByApplication.get(application.number)).toBeDefined();
  });
});

describe('MockRegistryServers: overrides and latency', () => {
  const state = createRegistryState({ persons: 20 });
  const servers = new MockRegistryServers({ state });
  beforeAll(() => servers.startAll());
  afterAll(() => servers.close());
  beforeEach(() => {
    servers.resetHandlers();
    servers.setLatency(0);
  });

  const person = () => fetch(servers.url('individuals') + fillPath(individualsApi.person, { iin: NAMED.llpHead }));

  it('overrides send one registry through msw until resetHandlers(), and only that registry', async () => {
    const seen = { calls: 0 };
    servers.use('individuals', fallThrough(seen), ...scenarios.serverError('individuals', 503));
    expect((await person()).status).toBe(503);
    expect(seen.calls).toBe(1);
    const otherRegistry = await fetch(servers.url('payments') + fillPath(paymentsApi.payment, { id: 'PSH-NOPE' }));
    expect(otherRegistry.status).toBe(404);
    expect(seen.calls).toBe(1);

    servers.resetHandlers();
    const after = await person();
    expect(after.status).toBe(200);
    expect(seen.calls).toBe(1);
  });

  it('an override that falls through gets the route table’s answer; an unknown route is still NO_SUCH_ROUTE', async () => {
    servers.use(
      'individuals',
      http.get('*/gbd-fl/v1/persons/:iin', () => undefined),
    );
    expect((await person()).status).toBe(200);
    const unknown = await fetch(`${servers.url('individuals')}/nowhere`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'NO_SUCH_ROUTE' });
  });

  it('a malformed escape in the path names no resource (msw’s matcher throws on it, and express answers 500)', async () => {
    const response = await fetch(`${servers.url('individuals')}${individualsApi.basePath}/persons/%E0%A4%A`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'NO_SUCH_ROUTE' });
  });

  it('a Host header no URL can be built on is a 400, and the server goes on answering', async () => {
    const { port } = new URL(servers.url('individuals'));
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.end(`GET ${individualsApi.basePath}/persons/1 HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect((await person()).status).toBe(200);
  });

  it('a network-error override drops the connection', async () => {
    servers.use('individuals', ...scenarios.down('individuals'));
    await expect(person()).rejects.toThrow();
    servers.resetHandlers();
    expect((await person()).status).toBe(200);
  });

  it('setLatency delays every route on every registry, and 0 takes it away', async () => {
    const timed = async (request: () => Promise<Response>) => {
      const started = performance.now();
      const response = await request();
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - started };
    };
    const byPayer = () =>
      fetch(servers.url('payments') + paymentsApi.byPayers, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payerIds: [NAMED.llp] }),
      });
    servers.setLatency(400);
    const slowPerson = await timed(person);
    const slowPayments = await timed(byPayer);
    expect(slowPerson).toMatchObject({ status: 200 });
    expect(slowPerson.ms).toBeGreaterThanOrEqual(390);
    expect(slowPayments).toMatchObject({ status: 200 });
    expect(slowPayments.ms).toBeGreaterThanOrEqual(390);
    // An unknown route is answered at once: there is no registry work to wait for.
    expect((await timed(() => fetch(`${servers.url('payments')}/nowhere`))).ms).toBeLessThan(300);

    servers.setLatency(0);
    expect((await timed(person)).ms).toBeLessThan(300);
    expect(() => servers.setLatency(-1)).toThrow(RangeError);
  });
});
