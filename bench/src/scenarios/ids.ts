/** Scenario names and what the orchestrator needs to know about each, without the driver's weight. */
export const SCENARIO_IDS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface ScenarioInfo {
  title: string;
  /** Latency the mock registries add to every call during this scenario. */
  registryLatencyMs: number;
  /** Every request is the same document and variables, so in-flight de-duplication can merge them. */
  identicalRequests: boolean;
  /** Each request consumes a prepared (BIN, scan, paid fee) tuple. */
  needsSubmissionPool: boolean;
  /** What one "request" in the table is. */
  unit: string;
  /** The bare @apollo/subgraph baseline answers it (the prefill's four subgraphs, from memory). */
  bareBaseline?: boolean;
  /** Subgraph calls one request makes (through any gateway or the floor), for CPU per subgraph call. */
  subgraphCalls?: number;
}

/** S6: this many signed-in users, each sending USER_REQUESTS requests with their own token. */
export const USERS = 1000;
export const USER_REQUESTS = 20;

export const SCENARIOS: Record<ScenarioId, ScenarioInfo> = {
  S1: {
    title: 'S1 applicant prefill (person in all four subgraphs, a different IIN per request)',
    registryLatencyMs: 0,
    identicalRequests: false,
    needsSubmissionPool: false,
    unit: 'one `person(iin)` query',
    bareBaseline: true,
    subgraphCalls: 4,
  },
  S2: {
    title: 'S2 holding with 50 licensed branches, heads and licence holders (batching)',
    registryLatencyMs: 0,
    identicalRequests: true,
    needsSubmissionPool: false,
    unit: 'one `legalEntity(bin)` query',
  },
  S3: {
    title: 'S3 public-service catalog (cacheable, no registry)',
    registryLatencyMs: 0,
    identicalRequests: true,
    needsSubmissionPool: false,
    unit: 'one `publicServices` query',
  },
  S4: {
    title: 'S4 draft + submit (writes), a different legal entity, scan and paid fee per submission',
    registryLatencyMs: 0,
    identicalRequests: false,
    needsSubmissionPool: true,
    unit: 'one HTTP request: `applicationDraft` and `submitApplication` alternate, so 2 requests = 1 submission',
  },
  S5: {
    title: "S5 = S1's data with 50 ms latency injected on every registry call, asked as one parallel prefill",
    registryLatencyMs: 50,
    identicalRequests: false,
    needsSubmissionPool: false,
    unit: 'one `ParallelPrefill` query: `person`, `legalEntitiesOf`, `licensesOf`, `paymentsOf` by the IIN',
    subgraphCalls: 4,
  },
  S6: {
    title: `S6 realistic users: ${USERS.toLocaleString('en-US')} signed-in citizens, each sending ${USER_REQUESTS} prefills with their own token`,
    registryLatencyMs: 0,
    identicalRequests: false,
    needsSubmissionPool: false,
    unit: 'one `person(iin)` query (as S1) by a user who asks again and again with one token',
    bareBaseline: true,
    subgraphCalls: 4,
  },
};
