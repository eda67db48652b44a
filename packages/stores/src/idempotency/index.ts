export type { Claim, IdempotencyStore } from './store.js';
export { MemoryIdempotencyStore } from './memory-store.js';
export { RedisIdempotencyStore } from './redis-store.js';
export { runOnce, type RunOnceOptions } from './run-once.js';
export { IDEMPOTENCY_KEY_LENGTH, idempotencyKeyProblem } from './key.js';
