/**
 * Issue 10, class 6: payment order keys belong to their payer.
 *
 * Contract pinned here:
 * - initiatePayment's idempotencyKey is the client's key for one request: one payer, one service, one
 *   action. The same key again for the same request returns the same order (same payment id and
 *   paymentUrl). The same key for anything else — another payer (whoever asks), or the same payer's other
 *   fee — is refused with IDEMPOTENCY_KEY_REUSED (`field: idempotencyKey`), and the answer carries nothing
 *   of the first order (no payment id, no paymentUrl).
 * - This holds in every configuration: without an idempotency store (the test graph), with an in-process
 *   store in each of two processes (two replicas, or one restarted), and with Redis.
 * - The order key ПШЭП sees is derived from payer, service, action and the client key; it is never the
 *   client's key as sent, so two payers' equal keys can never name one order at the bank.
 * - Two payers racing with one key never share an order.
 */
import { randomUUID } from 'node:crypto';
import { createLogger } from '@egov/core';
import { bearer, DEV_FEE_RATES_FILE, NAMED } from '@egov/mocks';
import { testSecurityConfig } from '@egov/mocks/testing';
import { createPaymentsSubgraph } from '@egov/payments';
import { createRedis, type IdempotencyStore, MemoryIdempotencyStore, RedisIdempotencyStore } from '@egov/stores';
import type { RunningServer } from '@egov/subgraph-kit';
import { type GraphQLResponse, postGraphQL } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGraph, startGraph } from '../support/index.js';

const INITIATE = `mutation($s: ID!, $a: ServiceActionKind!, $p: ApplicantId!, $k: String) {
  initiatePayment(serviceCode: $s, action: $a, payerId: $p, idempotencyKey: $k) { paymentUrl payment { id payerId serviceCode action } }
}`;
/** What someone hoping for another's order asks: the URL alone, which no per-field guard holds back. */
const INITIATE_URL_ONLY = `mutation($s: ID!, $a: ServiceActionKind!, $p: ApplicantId!, $k: String) {
  initiatePayment(serviceCode: $s, action: $a, payerId: $p, idempotencyKey: $k) { paymentUrl }
}`;

type Caller = { iin: string; payer: string };
const MAN: Caller = { iin: NAMED.manWithLicences, payer: NAMED.manWithLicences };
const WOMAN: Caller = { iin: NAMED.youngWoman, payer: NAMED.youngWoman };
const HEAD_FOR_LLP: Caller = { iin: NAMED.llpHead, payer: NAMED.llp };
const HEAD_FOR_HERSELF: Caller = { iin: NAMED.llpHead, payer: NAMED.llpHead };

let graph: RunningGraph;
const running: RunningServer[] = [];
const redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { name: 'payment-order-keys-e2e' });
const prefix = `egov-redteam-${randomUUID()}:`;

beforeAll(async () => {
  graph = await startGraph({ fixtures: { persons: 20 } });
});
afterAll(async () => {
  for (const server of running) await server.close();
  if (redis.status === 'ready') {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
  await graph?.close();
});

/** Another payments process over the same ПШЭП and database, with its own idempotency store. */
async function paymentsProcess(idempotency: IdempotencyStore | undefined): Promise<string> {
  const urls = graph.registries.urls();
  const server = await createPaymentsSubgraph(
    {
      databaseUrl: graph.databaseUrl,
      security: testSecurityConfig(),
      relations: { baseUrl: urls['legal-entities'], timeoutMs: 2000 },
      registry: { baseUrl: urls.payments, timeoutMs: 2000 },
      fees: { rates: DEV_FEE_RATES_FILE },
    },
    { logger: createLogger('payments', { level: 'error' }), idempotency },
  ).start(0);
  running.push(server);
  return server.url;
}

/** Where each caller's request goes in a configuration: one URL for all, or one per request. */
type Configuration = { name: string; setup: () => Promise<{ first: string; second: string }> };

const CONFIGURATIONS: Configuration[] = [
  { name: 'without an idempotency store (through the gateway)', setup: async () => ({ first: graph.gatewayUrl, second: graph.gatewayUrl }) },
  {
    name: 'with an in-process store in each of two payments processes (replicas, or one restarted)',
    setup: async () => ({ first: await paymentsProcess(new MemoryIdempotencyStore()), second: await paymentsProcess(new MemoryIdempotencyStore()) }),
  },
  {
    name: 'with Redis shared by two payments processes',
    setup: async () => {
      await new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
      return {
        first: await paymentsProcess(new RedisIdempotencyStore(redis, prefix)),
        second: await paymentsProcess(new RedisIdempotencyStore(redis, prefix)),
      };
    },
  },
];

async function initiate(
  url: string,
  caller: Caller,
  key: string,
  serviceCode = 'state-symbols-licence',
  action = 'ISSUE',
  query = INITIATE,
): Promise<GraphQLResponse<any>> {
  return postGraphQL(url, query, { s: serviceCode, a: action, p: caller.payer, k: key }, await bearer({ kind: 'citizen', iin: caller.iin }));
}

function expectRefusedWithoutTheFirstOrder(response: GraphQLResponse<any>, first: { paymentUrl: string; payment: { id: string } }) {
  const text = JSON.stringify(response);
  expect(text.includes(first.payment.id), `the first order's id leaked: ${text}`).toBe(false);
  expect(text.includes(first.paymentUrl), `the first order's URL leaked: ${text}`).toBe(false);
  expect(response.data?.initiatePayment ?? null, text).toBeNull();
  expect(
    response.errors?.map((e) => e.extensions?.code),
    text,
  ).toEqual(['IDEMPOTENCY_KEY_REUSED']);
}

describe.each(CONFIGURATIONS.map((c) => [c.name, c] as const))('%s', (_name, configuration) => {
  let urls: { first: string; second: string };
  beforeAll(async () => {
    urls = await configuration.setup();
  });

  const REUSES: [string, Caller, Caller, [string, string]?][] = [
    ['citizen 010730604568 reuses the key 850314301234 used for his own fee', MAN, WOMAN],
    ['the LLP head, for the LLP, reuses the key 850314301234 used', MAN, HEAD_FOR_LLP],
    ['the LLP head reuses, for the LLP, the key she used for herself', HEAD_FOR_HERSELF, HEAD_FOR_LLP],
    ['citizen 850314301234 reuses, for himself, the key 010730604568 used', WOMAN, MAN],
    ['citizen 850314301234 reuses his key for another fee (explosives licence)', MAN, MAN, ['explosives-licence', 'ISSUE']],
    ['citizen 850314301234 reuses his key for another action (reissue)', MAN, MAN, ['state-symbols-licence', 'REISSUE']],
  ];

  it.each(REUSES)('%s: IDEMPOTENCY_KEY_REUSED, and nothing of the first order', async (_case, firstCaller, secondCaller, other) => {
    const key = randomUUID();
    const opened = await initiate(urls.first, firstCaller, key);
    expect(opened.errors, JSON.stringify(opened)).toBeUndefined();
    const first = opened.data.initiatePayment;
    expect(first.payment.payerId).toBe(firstCaller.payer);
    const [serviceCode, action] = other ?? ['state-symbols-licence', 'ISSUE'];
    expectRefusedWithoutTheFirstOrder(await initiate(urls.second, secondCaller, key, serviceCode, action, INITIATE_URL_ONLY), first);
    expectRefusedWithoutTheFirstOrder(await initiate(urls.second, secondCaller, key, serviceCode, action), first);
  });

  it('the control: the first payer repeating the key gets the same order; another payer with a new key gets her own', async () => {
    const key = randomUUID();
    const first = (await initiate(urls.first, MAN, key)).data.initiatePayment;
    const again = await initiate(urls.second, MAN, key);
    expect(again.errors).toBeUndefined();
    expect(again.data.initiatePayment).toEqual(first);
    const own = await initiate(urls.second, WOMAN, randomUUID());
    expect(own.errors).toBeUndefined();
    expect(own.data.initiatePayment.payment.payerId).toBe(NAMED.youngWoman);
    expect(own.data.initiatePayment.payment.id).not.toBe(first.payment.id);
  });

  it('two payers firing the same key at once never share an order', async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([initiate(urls.first, MAN, key), initiate(urls.second, WOMAN, key)]);
    const orders = [
      [MAN, a],
      [WOMAN, b],
    ] as const;
    const ids: string[] = [];
    for (const [caller, response] of orders) {
      const order = response.data?.initiatePayment;
      if (!order) {
        expect(response.errors?.map((e) => e.extensions?.code)).toEqual([expect.stringMatching(/^IDEMPOTENCY_(KEY_REUSED|IN_PROGRESS)$/)]);
        continue;
      }
      expect(order.payment.payerId).toBe(caller.payer);
      ids.push(order.payment.id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(0);
  });
});

it('the order key ПШЭП sees is derived from payer, service, action and key, never the client key as sent', async () => {
  const key = `client-key-${randomUUID()}`;
  const opened = await initiate(graph.gatewayUrl, MAN, key);
  expect(opened.errors).toBeUndefined();
  const keysAtTheBank = [...graph.state.paymentOrders.keys()];
  expect(keysAtTheBank.length).toBeGreaterThan(0);
  expect(keysAtTheBank).not.toContain(key);
  expect(graph.state.paymentOrders.get(keysAtTheBank.find((k) => graph.state.paymentOrders.get(k) === opened.data.initiatePayment.payment.id)!)).toBe(
    opened.data.initiatePayment.payment.id,
  );
});
