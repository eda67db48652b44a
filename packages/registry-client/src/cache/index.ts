export type { CacheEntry, CacheStore } from './store.js';
export { MemoryCacheStore } from './memory-store.js';
export { RedisCacheStore } from './redis-store.js';
export { RegistryCache, StaleRecorder, type CachePolicy } from './registry-cache.js';
export { registryClientOptionsFromEnv, cachePoliciesFromEnv } from './from-env.js';
