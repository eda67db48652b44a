/**
 * Exponential backoff with "equal jitter": a wait in [c/2, c] where c = min(cap, base·2^attempt). The
 * random half spreads retries of many clients apart; the fixed half means a retry never comes at once.
 * Every retry loop of ours (registry reads, outbox deliveries, idempotency polls) waits by this one rule.
 */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.floor(ceiling / 2 + (random() * ceiling) / 2);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
