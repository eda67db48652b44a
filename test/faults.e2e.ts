import { randomBytes } from 'node:crypto';
import { individualsApi, licensingApi } from '@egov/contracts';
import { type GatewayConfig, startGateway } from '@egov/gateway';
import { createGatewayLogger } from '@egov/gateway/logger';
import { allScopesHeaders, anyOrigin, NAMED, samplePdf, scenarios } from '@egov/mocks';
import { type CachePolicy, MemoryCacheStore, RedisCacheStore, RegistryCache } from '@egov/registry-client';
import type { SubgraphName } from '@egov/schema';
import { createRedis } from '@egov/stores';
import { errorCodes, postGraphQL } from '@egov/testkit';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allScopesPartner, portal } from './support/flow.js';
import { type RunningGraph, startGraph, subgraphUrls, testGatewayConfig } from './support/index.js';

const policies = (overrides: Partial<Record<'individuals' | 'legal-entities' | 'payments' | 'licensing' | 'consents', CachePolicy>> = {}) => ({
  individuals: { ttlMs: 60_000, staleIfErrorMs: 0 },
  consents: { ttlMs: 60_000, staleIfErrorMs: 0 },
  'legal-entities': { ttlMs: 60_000, staleIfErrorMs: 0 },
  payments: { ttlMs: 60_000, staleIfErrorMs: 0 },
  licensing: { ttlMs: 60_000, staleIfErrorMs: 0 },
  ...overrides,
});

const LLP = `{ applicant(id: "080440001234") { ... on LegalEntity { name head { lastName licenses { number } } licenses { number } payments { amount } } } }`;

describe('when one registry fails, the rest of the answer still comes back', () => {
  let graph: RunningGraph;
  let ask: Awaited<ReturnType<typeof allScopesPartner>>;
  beforeAll(async () => {
    graph = await startGraph({ registryTimeoutMs: 2_000, registryClient: { breaker: false } });
    ask = await allScopesPartner(graph);
  });
  afterEach(async () => {
    graph.registries.resetHandlers();
    await graph.registries.start('individuals');
  });
  afterAll(() => graph?.close());

  it('with ГБД ФЛ switched off, 080440001234 still comes back with its licences; the head is null with REGISTRY_UNAVAILABLE naming the individuals registry, within the timeout', async () => {
    await graph.registries.stop('individuals');
    const started = Date.now();
    const response = await ask(LLP);
    expect(Date.now() - started).toBeLessThan(2_000); // the registry timeout: a dead host is not waited on
    expect(response.data.applicant).toMatchObject({
      name: 'Товарищество с ограниченной ответственностью «Сарыарка Металл»',
      licenses: [{ number: '12003390' }],
      payments: [],
    });
    expect(response.data.applicant.head?.lastName ?? null).toBeNull();
    expect(response.errors).toContainEqual(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'REGISTRY_UNAVAILABLE', registry: 'individuals' }) }),
    );
  });

  it('a registry that answers too late is cut off at its timeout (REGISTRY_TIMEOUT) and only its fields are null', async () => {
    graph.registries.use('licensing', ...scenarios.slow('licensing', 4_000));
    const started = Date.now();
    const response = await ask(LLP);
    expect(Date.now() - started).toBeLessThan(3_000); // cut at the 2 s timeout, not the 3 s answer
    expect(response.data.applicant).toMatchObject({ name: expect.any(String), head: { lastName: 'Жумабаева' }, licenses: null });
    expect(errorCodes(response)).toContain('REGISTRY_TIMEOUT');
  });

  it('an HTTP 500 is REGISTRY_UNAVAILABLE, after retries, for that registry only', async () => {
    graph.registries.use('payments', ...scenarios.serverError('payments', 500));
    const response = await ask(LLP);
    expect(response.data.applicant).toMatchObject({ head: { lastName: 'Жумабаева' }, licenses: [{ number: '12003390' }], payments: null });
    expect(response.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'REGISTRY_UNAVAILABLE', registry: 'payments', upstreamStatus: 500 }) }),
    ]);
  });

  it('a malformed answer is REGISTRY_BAD_RESPONSE, never passed on', async () => {
    graph.registries.use('individuals', ...scenarios.malformed('individuals'));
    const response = await ask(`{ person(iin: "850314301234") { fullName } }`);
    expect(response.data).toEqual({ person: null });
    expect(errorCodes(response)).toEqual(['REGISTRY_BAD_RESPONSE']);
  });

  it('a batch answer that drops ids is REGISTRY_BAD_RESPONSE, not a silent "not found"', async () => {
    graph.registries.use('legal-entities', ...scenarios.partialBatch('legal-entities'));
    const response = await ask(`query($bin: BIN!) { legalEntity(bin: $bin) { branches { bin } } }`, { bin: graph.state.fixtures.holdingBin });
    expect(errorCodes(response)).toContain('REGISTRY_BAD_RESPONSE');
  });
});

describe('when a subgraph is down or too slow', () => {
  let graph: RunningGraph;
  beforeAll(async () => {
    graph = await startGraph({ registryTimeoutMs: 2_000, registryClient: { breaker: false } });
  });
  afterAll(() => graph?.close());

  /** A second gateway over the same subgraphs, with the licensing one moved to a dead port or a short deadline. */
  const gatewayWith = (urls: Partial<Record<SubgraphName, string>>, overrides: Partial<GatewayConfig> = {}) =>
    startGateway(testGatewayConfig({ ...subgraphUrls(graph.subgraphs), ...urls }, overrides), '127.0.0.1', createGatewayLogger('error'));

  it('an unreachable subgraph is SUBGRAPH_UNAVAILABLE on its fields only, and the rest of the answer arrives', async () => {
    const gateway = await gatewayWith({ licensing: 'http://127.0.0.1:9/graphql' });
    try {
      const response = await postGraphQL(gateway.url, LLP, {}, await allScopesHeaders());
      expect(response.data.applicant).toMatchObject({ name: expect.any(String), head: { lastName: 'Жумабаева' }, licenses: null });
      expect(response.errors).toContainEqual(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'licensing' }) }),
      );
    } finally {
      await gateway.close();
    }
  });

  it("a subgraph past the gateway's deadline is SUBGRAPH_TIMEOUT, and the error does not echo the subgraph request", async () => {
    graph.registries.use('individuals', ...scenarios.slow('individuals', 1_500));
    const gateway = await gatewayWith({}, { subgraphTimeoutMs: 500 });
    try {
      const response = await postGraphQL(
        gateway.url,
        `query($iin: IIN!) { person(iin: $iin) { fullName } publicService(code: "state-symbols-licence") { code } }`,
        { iin: NAMED.manWithLicences },
        await allScopesHeaders(),
      );
      expect(response.data).toEqual({ person: null, publicService: { code: 'state-symbols-licence' } });
      expect(errorCodes(response)).toEqual(['SUBGRAPH_TIMEOUT']);
      expect(JSON.stringify(response)).not.toContain(NAMED.manWithLicences);
    } finally {
      graph.registries.resetHandlers();
      await gateway.close();
    }
  });
});

describe('the circuit breaker of a subgraph', () => {
  let graph: RunningGraph;
  let partner: Awaited<ReturnType<typeof allScopesPartner>>;
  beforeAll(async () => {
    graph = await startGraph({ registryTimeoutMs: 1_000, registryClient: { retries: 0, breaker: { failureThreshold: 3, openMs: 400 } } });
    partner = await allScopesPartner(graph);
  });
  afterAll(() => graph?.close());

  it('opens after repeated failures, then answers at once without calling the registry, and recovers when it is back', async () => {
    let calls = 0;
    graph.registries.use(
      'individuals',
      http.post(anyOrigin(individualsApi.personsBatch), () => (calls++, new HttpResponse(null, { status: 503 }))),
    );
    const ask = () => partner(`{ person(iin: "850314301234") { fullName } }`);
    for (let i = 0; i < 3; i++) expect(errorCodes(await ask())).toEqual(['REGISTRY_UNAVAILABLE']);
    expect(calls).toBe(3);
    const fast = await ask();
    expect(fast.errors![0]!.extensions).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', registry: 'individuals', circuit: 'OPEN' });
    expect(calls).toBe(3);
    const health = (await (await fetch(graph.subgraphs.individuals.url.replace('/graphql', '/health'))).json()) as { registries: Record<string, string> };
    expect(health.registries.individuals).toBe('circuit-open');

    graph.registries.resetHandlers();
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await ask()).data.person).toEqual({ fullName: 'Ахметов Нурлан Серикович' });
  });
});

describe('the registry cache (Redis)', () => {
  const redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { name: 'faults-e2e' });
  const prefix = `egov-e2e:${randomBytes(4).toString('hex')}:`;
  let graph: RunningGraph;
  let partner: Awaited<ReturnType<typeof allScopesPartner>>;
  beforeAll(async () => {
    const cache = new RegistryCache(
      new RedisCacheStore(redis, prefix),
      'e2e-secret-for-cache-keys-0001',
      policies({ individuals: { ttlMs: 500, staleIfErrorMs: 60_000 }, licensing: { ttlMs: 300, staleIfErrorMs: 0 } }),
    );
    await new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
    graph = await startGraph({ cache, registryClient: { breaker: false } });
    partner = await allScopesPartner(graph);
  });
  afterAll(async () => {
    await graph?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('serves a person from the cache without asking ГБД ФЛ again', async () => {
    const ask = () => partner(`{ person(iin: "621102407892") { fullName } legalEntity(bin: "080440001234") { shortName } }`);
    await ask();
    graph.state.resetJournal();
    expect((await ask()).data.legalEntity).toEqual({ shortName: 'ТОО «Сарыарка Металл»' });
    expect(graph.state.calls('legal-entities')).toBe(0);
  });

  it("a citizen's own companies cost one ГБД ЮЛ call: deciding what she may see and answering share the read", async () => {
    const head = portal(graph, { kind: 'citizen', iin: NAMED.llpHead });
    graph.state.resetJournal();
    const response = await head.ask(`{ person(iin: "621102407892") { legalEntities { shortName } } }`);
    expect(response.data.person.legalEntities).toContainEqual({ shortName: 'ТОО «Сарыарка Металл»' });
    expect(graph.state.calls('legal-entities')).toBe(1);
  });

  it('stands in with a stale answer while ГБД ФЛ is down, within the window, and marks the response stale', async () => {
    const ask = () => partner(`{ person(iin: "850314301234") { fullName } }`);
    await ask();
    await new Promise((resolve) => setTimeout(resolve, 600)); // past the 0.5 s freshness
    await graph.registries.stop('individuals');
    try {
      const response = await ask();
      expect(response.errors).toBeUndefined();
      expect(response.data.person).toEqual({ fullName: 'Ахметов Нурлан Серикович' });
      expect(response.extensions?.stale).toEqual([{ registry: 'individuals', ageSeconds: expect.any(Number) }]);
    } finally {
      await graph.registries.start('individuals');
    }
  });

  it('never stands in for a registry whose stale window is off (licensing): once the answer is old, the failure is reported', async () => {
    const ask = () => partner(`{ person(iin: "900101300017") { licenses { number } } }`);
    expect((await ask()).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 400)); // past licensing's 0.3 s freshness
    graph.registries.use('licensing', ...scenarios.down('licensing'));
    try {
      const response = await ask();
      expect(response.data.person.licenses).toBeNull();
      expect(errorCodes(response)).toEqual(['REGISTRY_UNAVAILABLE']);
      expect(response.extensions?.stale).toBeUndefined();
    } finally {
      graph.registries.resetHandlers();
    }
  });

  it("forgets a payer's cached payments when we open a payment order for them", async () => {
    const payer = portal(graph, { kind: 'citizen', iin: NAMED.youngWoman });
    const before = await payer.ask(`{ person(iin: "010730604568") { payments { id } } }`);
    expect(before.data.person.payments).toEqual([]);
    await payer.ask(`mutation { initiatePayment(serviceCode: "state-symbols-licence", action: ISSUE, payerId: "010730604568") { payment { id } } }`);
    const after = await payer.ask(`{ person(iin: "010730604568") { payments { status } } }`);
    expect(after.data.person.payments).toEqual([{ status: 'PENDING' }]);
  });
});

describe('with Redis configured but down', () => {
  it('reads go on uncached, and the health endpoint says degraded', async () => {
    const dead = createRedis('redis://127.0.0.1:1', { name: 'dead' });
    const graph = await startGraph({ cache: new RegistryCache(new RedisCacheStore(dead, 'egov-dead:'), 'e2e-secret-for-cache-keys-0002', policies()) });
    try {
      const response = await (await allScopesPartner(graph))(`{ person(iin: "850314301234") { fullName } }`);
      expect(response.data.person).toEqual({ fullName: 'Ахметов Нурлан Серикович' });
      const health = (await (await fetch(graph.subgraphs.individuals.url.replace('/graphql', '/health'))).json()) as { status: string; cache: string };
      expect(health).toMatchObject({ status: 'degraded', cache: 'degraded' });
    } finally {
      await graph.close();
      dead.disconnect();
    }
  });

  it('(and the in-process cache is what npm start uses without Redis)', async () => {
    expect(new MemoryCacheStore().health()).toBe('ok');
  });
});

describe('an accepted application reaches Е-лицензирование exactly once', () => {
  let graph: RunningGraph;
  beforeAll(async () => {
    // The whole graph and 500 clients share one Node process here: a burst queues for seconds, so the
    // gateway waits as long as production's default (10 s) would let a subgraph take, and then some. So do the
    // registry calls: behind that queue a registry's answer (the payment, the identity document) is read seconds
    // late, and at the 2 s default the submission would fall back to asking for scans (MISSING_ATTACHMENT, seen
    // in CI on a slow machine). The upstream's outages here are immediate 503s, which no timeout changes.
    graph = await startGraph({ fixtures: { persons: 1_200 }, registryTimeoutMs: 15_000, gateway: { subgraphTimeoutMs: 20_000 } });
  });
  afterAll(() => graph?.close());

  it('an outage of the licensing upstream delays the delivery, visible in the status, and never drops it', async () => {
    let refused = 0;
    graph.registries.use(
      'licensing',
      http.put(`*${licensingApi.deliverApplication}`, () => (refused++, new HttpResponse(null, { status: 503 }))),
    );
    const p = portal(graph, { kind: 'citizen', iin: NAMED.entrepreneur });
    const scans = await p.upload([{ document: 'information-form', file: samplePdf('Appendix 3'), name: 'a3.pdf' }]);
    await p.pay('state-symbols-licence', 'ISSUE', NAMED.entrepreneur);
    const receipt = (await p.submit({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: NAMED.entrepreneur, attachments: scans })).data
      .submitApplication;
    expect(receipt.__typename).toBe('ApplicationReceipt');
    await waitFor(() => refused >= 2);
    const pending = await p.ask(`query($n: String!) { application(number: $n) { delivery { state attempts lastError nextAttemptAt } } }`, {
      n: receipt.number,
    });
    expect(pending.data.application.delivery).toMatchObject({
      state: 'PENDING',
      attempts: expect.any(Number),
      lastError: expect.stringContaining('REGISTRY_UNAVAILABLE'),
      nextAttemptAt: expect.any(String),
    });
    expect(graph.state.deliveredApplications.has(receipt.number)).toBe(false);

    graph.registries.resetHandlers();
    await waitFor(async () => (await graph.applications.outbox.pending()) === 0);
    const delivered = await p.ask(`query($n: String!) { application(number: $n) { delivery { state deliveredAt } } }`, { n: receipt.number });
    expect(delivered.data.application.delivery).toMatchObject({ state: 'DELIVERED', deliveredAt: expect.any(String) });
    expect(graph.state.deliveredApplications.get(receipt.number)?.payload).toMatchObject({ number: receipt.number, applicantId: NAMED.entrepreneur });
  });

  it('500 concurrent submissions while Е-лицензирование flaps and the licensing subgraph restarts: zero lost, zero duplicated', async () => {
    const N = 500;
    const applicants = graph.state.fixtures.persons
      .filter((p) => p.identityDocument && p.identityDocument.expiresOn > '2027-01-01' && !p.entrepreneur && p.iin !== NAMED.entrepreneur)
      .slice(0, N);
    expect(applicants).toHaveLength(N);
    for (const person of applicants) {
      const id = `PSH-LOAD-${person.iin}`;
      const now = new Date().toISOString();
      graph.state.payments.set(id, {
        id,
        payerId: person.iin,
        purpose: 'load test fee',
        serviceCode: 'state-symbols-licence',
        action: 'ISSUE',
        amount: '43250.00',
        currency: 'KZT',
        status: 'PAID',
        createdAt: now,
        paidAt: now,
        transactionId: `TX-${person.iin}`,
      });
    }
    // Each applicant signs in, uploads their own scan and signs their own submission, before the trouble starts.
    const inputs: Submission[] = [];
    for (let i = 0; i < N; i += 50) {
      const batch = await Promise.all(
        applicants.slice(i, i + 50).map(async (a) => {
          const p = portal(graph, { kind: 'citizen', iin: a.iin });
          const attachments = await p.upload([{ document: 'information-form', file: samplePdf(`form ${a.iin}`), name: 'a3.pdf' }]);
          return { ask: p.ask, input: await p.signedInput({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: a.iin, attachments }) };
        }),
      );
      inputs.push(...batch);
    }
    graph.state.deliveredApplications.clear();
    graph.registries.use('licensing', ...scenarios.flapping('licensing', { upMs: 900, downMs: 200 }));

    const restarted = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await graph.restartApplications();
    })();
    const outcomes = await Promise.all(inputs.map(submitUntilAnswered));
    await restarted;
    graph.registries.resetHandlers();

    const rejected = outcomes.filter((o) => o.kind !== 'accepted');
    expect(rejected).toEqual([]);
    const accepted = new Set(outcomes.map((o) => (o.kind === 'accepted' ? o.number : '')));
    expect(accepted.size).toBe(N);

    await waitFor(async () => (await graph.applications.outbox.pending()) === 0, 60_000);
    const delivered = [...graph.state.deliveredApplications.keys()];
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(new Set(delivered)).toEqual(accepted);
    const stored = await graph.applications.store.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM applications.applications WHERE service_code = 'state-symbols-licence' AND applicant_id = ANY($1::text[])`,
      [applicants.map((a) => a.iin)],
    );
    expect(stored.rows[0]!.n).toBe(N);
  }, 180_000);
});

type Outcome = { kind: 'accepted'; number: string; attempts: number } | { kind: 'rejected'; problems: unknown; attempts: number };
type Submission = { ask: ReturnType<typeof portal>['ask']; input: object };

/** A client that retries the same signed input (same idempotency key) until the graph answers with a receipt or a real refusal. */
async function submitUntilAnswered({ ask, input }: Submission): Promise<Outcome> {
  for (let attempt = 1; attempt <= 60; attempt++) {
    try {
      const response = await ask(
        `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { __typename ... on ApplicationReceipt { number } ... on ApplicationRejected { problems { code } } } }`,
        { input },
      );
      const result = response.data?.submitApplication;
      if (result?.__typename === 'ApplicationReceipt') return { kind: 'accepted', number: result.number, attempts: attempt };
      const retryable = !result || result.problems.every((problem: { code: string }) => problem.code === 'REGISTRY_UNAVAILABLE');
      if (!retryable) return { kind: 'rejected', problems: result.problems, attempts: attempt };
    } catch {
      // the connection dropped (a subgraph restarting): try again with the same key
    }
    // Exponential backoff with full jitter, as a well-behaved portal retries: a herd of instant retries
    // against a restarting subgraph would only make the outage longer.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(4_000, 100 * 2 ** attempt)));
  }
  return { kind: 'rejected', problems: 'gave up after 60 attempts', attempts: 60 };
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
