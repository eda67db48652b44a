import { envInt } from '@egov/core';

type Env = Record<string, string | undefined>;

/** How long claims live and duplicates wait; see RunOnceOptions. */
export interface IdempotencyTiming {
  leaseMs: number;
  waitMs: number;
}

/**
 * IDEMPOTENCY_LEASE_MS (default 10000): a claim whose owner died frees its key after this long.
 * IDEMPOTENCY_WAIT_MS (default 3000): a duplicate waits this long for the owner, then answers
 * IDEMPOTENCY_IN_PROGRESS; keep it well below the gateway's SUBGRAPH_TIMEOUT_MS.
 */
export function idempotencyTimingFromEnv(env: Env = process.env): IdempotencyTiming {
  return { leaseMs: envInt('IDEMPOTENCY_LEASE_MS', 10_000, env), waitMs: envInt('IDEMPOTENCY_WAIT_MS', 3_000, env) };
}
