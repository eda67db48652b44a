import { DEV_FEE_RATES_FILE, NAMED } from '@egov/mocks';
import { createMockRegistries } from '@egov/mocks/node';
import { startSubgraph, type TestSubgraph } from '@egov/mocks/testing';
import { MemoryIdempotencyStore } from '@egov/stores';
import { errorCodes, loopbackPassesThrough } from '@egov/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPaymentsSubgraph } from '../src/server.js';

const { server: registries, state } = createMockRegistries({ persons: 300 });
let subgraph: TestSubgraph<ReturnType<typeof createPaymentsSubgraph>>;
/** A partner system holding every scope: these tests are about the registry's data, not about access. */
const ask = (query: string, variables?: Record<string, unknown>) => subgraph.partner(query, variables);

beforeAll(async () => {
  registries.listen(loopbackPassesThrough);
  subgraph = await startSubgraph('payments', (base, registry) =>
    createPaymentsSubgraph({ ...base, registry, fees: { rates: DEV_FEE_RATES_FILE } }, { idempotency: new MemoryIdempotencyStore() }),
  );
});
beforeEach(() => state.resetJournal());
afterEach(() => registries.resetHandlers());
afterAll(async () => {
  await subgraph.close();
  registries.close();
});

const PAYMENTS = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Person { iin payments { id payerId payer { __typename } purpose serviceCode action amount currency status paidAt transactionId } }
  ... on LegalEntity { bin payments { id amount status } }
} }`;

describe('payments through ПШЭП', () => {
  it('850314301234 paid one licence fee of 18 520 tenge (10 MRP in 2014) for the flag-and-emblem licence', async () => {
    const response = await ask(PAYMENTS, { r: [{ __typename: 'Person', iin: NAMED.manWithLicences }] });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities[0].payments).toEqual([
      {
        id: 'PSH-20140128-000731',
        payerId: NAMED.manWithLicences,
        payer: { __typename: 'Person' },
        purpose: expect.stringContaining('Лицензионный сбор'),
        serviceCode: 'state-symbols-licence',
        action: 'ISSUE',
        amount: '18520.00',
        currency: 'KZT',
        status: 'PAID',
        paidAt: expect.stringMatching(/^2014-01-28T/),
        transactionId: expect.any(String),
      },
    ]);
  });

  it('010730604568 has none, and persons and companies asked together cost one gateway call', async () => {
    const response = await ask(PAYMENTS, {
      r: [
        { __typename: 'Person', iin: NAMED.youngWoman },
        { __typename: 'LegalEntity', bin: NAMED.llp },
        { __typename: 'Person', iin: NAMED.llpHead },
      ],
    });
    expect(response.data._entities[0].payments).toEqual([]);
    expect(state.calls('payments')).toBe(1);
  });

  it('lists payments newest first', async () => {
    const payer = state.fixtures.payments.map((p) => p.payerId).find((id, _i, all) => all.filter((x) => x === id).length >= 3)!;
    const kind = Number(payer[4]) >= 4 ? { __typename: 'LegalEntity', bin: payer } : { __typename: 'Person', iin: payer };
    const response = await ask(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { payments { createdAt } } ... on LegalEntity { payments { createdAt } } } }`,
      { r: [kind] },
    );
    const dates = response.data._entities[0].payments.map((p: { createdAt: string }) => Date.parse(p.createdAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('finds one payment by id, NOT_FOUND for an unknown id', async () => {
    expect((await ask(`{ payment(id: "PSH-20140128-000731") { amount status } }`)).data.payment).toEqual({ amount: '18520.00', status: 'PAID' });
    const unknown = await ask(`{ payment(id: "PSH-0") { amount } }`);
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });
});

describe('paying a fee', () => {
  const INITIATE = `mutation($s: ID!, $a: ServiceActionKind!, $p: ApplicantId!, $k: String) {
    initiatePayment(serviceCode: $s, action: $a, payerId: $p, idempotencyKey: $k) { paymentUrl payment { id payerId amount status serviceCode action purpose } }
  }`;
  /** A payment order is opened by the payer: a citizen for themselves, a company's head for the company. */
  const as = (iin: string) => (query: string, variables?: Record<string, unknown>) => subgraph.as({ kind: 'citizen', iin }).ask(query, variables);
  const llpHead = as(NAMED.llpHead);
  const manWithLicences = as(NAMED.manWithLicences);

  it('the LLP opens an order for the flag-and-emblem licence fee: 10 MRP x 4 325 = 43 250 tenge, pending until the bank confirms', async () => {
    const opened = await llpHead(INITIATE, { s: 'state-symbols-licence', a: 'ISSUE', p: NAMED.llp });
    expect(opened.errors).toBeUndefined();
    const order = opened.data.initiatePayment;
    expect(order.payment).toMatchObject({ payerId: NAMED.llp, amount: '43250.00', status: 'PENDING', serviceCode: 'state-symbols-licence', action: 'ISSUE' });

    const again = await llpHead(INITIATE, { s: 'state-symbols-licence', a: 'ISSUE', p: NAMED.llp });
    expect(again.data.initiatePayment.payment.id).toBe(order.payment.id);

    expect((await fetch(order.paymentUrl, { method: 'POST' })).status).toBe(200);
    const paid = await ask(`query($id: ID!) { payment(id: $id) { status paidAt transactionId } }`, { id: order.payment.id });
    expect(paid.data.payment).toMatchObject({ status: 'PAID', paidAt: expect.any(String), transactionId: expect.any(String) });
  });

  it('ten simultaneous clicks with one idempotency key open one order in ПШЭП', async () => {
    const key = `click-${Date.now()}`;
    state.resetJournal();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => manWithLicences(INITIATE, { s: 'state-symbols-licence', a: 'REISSUE', p: NAMED.manWithLicences, k: key })),
    );
    expect(new Set(results.map((r) => r.data.initiatePayment.payment.id)).size).toBe(1);
    expect(state.calls('payments', 'payments:create')).toBe(1);
    const reused = await manWithLicences(INITIATE, { s: 'state-symbols-licence', a: 'ISSUE', p: NAMED.manWithLicences, k: key });
    expect(errorCodes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it("another citizen reusing someone's idempotency key gets IDEMPOTENCY_KEY_REUSED and nothing of that order; ПШЭП never sees the key", async () => {
    const key = `shared-${Date.now()}`;
    const first = (await manWithLicences(INITIATE, { s: 'state-symbols-licence', a: 'ISSUE', p: NAMED.manWithLicences, k: key })).data.initiatePayment;
    const other = await as(NAMED.youngWoman)(INITIATE, { s: 'state-symbols-licence', a: 'ISSUE', p: NAMED.youngWoman, k: key });
    expect(errorCodes(other)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(JSON.stringify(other)).not.toContain(first.payment.id);
    expect([...state.paymentOrders.keys()]).not.toContain(key);
  });

  it('a free service is NOT_PAYABLE; an unknown service is NOT_FOUND; an action the service lacks is BAD_USER_INPUT', async () => {
    expect(errorCodes(await llpHead(INITIATE, { s: 'standards-registration', a: 'REGISTRATION', p: NAMED.llp }))).toEqual(['NOT_PAYABLE']);
    expect(errorCodes(await llpHead(INITIATE, { s: 'no-such-service', a: 'ISSUE', p: NAMED.llp }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await llpHead(INITIATE, { s: 'state-symbols-licence', a: 'PERMIT', p: NAMED.llp }))).toEqual(['BAD_USER_INPUT']);
  });

  it('a too-short idempotency key is BAD_USER_INPUT and opens no order', async () => {
    state.resetJournal();
    const short = await llpHead(INITIATE, { s: 'state-symbols-licence', a: 'ISSUE', p: NAMED.llp, k: 'abc' });
    expect(errorCodes(short)).toEqual(['BAD_USER_INPUT']);
    expect(state.calls('payments', 'payments:create')).toBe(0);
  });

  it("nobody opens an order in someone else's name: not another citizen, not a partner system", async () => {
    const stranger = await manWithLicences(INITIATE, { s: 'state-symbols-licence', a: 'ISSUE', p: NAMED.llp });
    expect(stranger.data).toBeNull();
    expect(errorCodes(stranger)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ask(INITIATE, { s: 'state-symbols-licence', a: 'ISSUE', p: NAMED.youngWoman }))).toEqual(['FORBIDDEN']);
    expect(state.calls('payments', 'payments:create')).toBe(0);
  });
});
