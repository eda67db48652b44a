export { type IdempotencyTiming, idempotencyTimingFromEnv } from './config.js';
export { IDEMPOTENCY_KEY_LENGTH, idempotencyKeyProblem } from './key.js';
export { MemoryIdempotencyStore } from './memory-store.js';
export { RedisIdempotencyStore } from './redis-store.js';
export { type RunOnceOptions, runOnce } from './run-once.js';
export type { Claim, IdempotencyStore } from './store.js';
