import { createRedis } from '@egov/stores';

/**
 * The session's own corner of a Redis, as the deployment has one: our gateway's rate limits, the subgraphs' registry
 * caches and idempotency keys live there, under a prefix of the session's own, so a session starts with empty caches
 * (as the in-process ones would) and never reads another's or a test's keys. `close` removes what the session wrote.
 */
export interface RedisSession {
  /** What our processes get: REDIS_URL, the prefix and the cache-key secret every process must share. */
  env: Record<string, string>;
  /**
   * Empties the registry caches, so each run starts as cold as the one before it: S1 walks the persons once per
   * run, and a walk that wrapped into persons an earlier target had read would find them cached.
   */
  clearCaches(): Promise<number>;
  /** Deletes the session's keys; resolves with how many there were. */
  close(): Promise<number>;
}

export async function openRedisSession(url: string, stamp: string): Promise<RedisSession> {
  const prefix = `egov-bench-${stamp}:`;
  const redis = createRedis(url, { name: 'egov-bench', commandTimeoutMs: 5_000 });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer within 3 s')), 3_000);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `the bench runs our processes with Redis, as deployed (REDIS_URL, default redis://127.0.0.1:6379), and ${url} did not answer (${(error as Error).message}): start one, or pass --no-redis to keep caches and limits in each process`,
    );
  }
  const remove = async (pattern: string): Promise<number> => {
    let removed = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) removed += await redis.unlink(...keys);
    } while (cursor !== '0');
    return removed;
  };
  return {
    // The subgraphs keep their registry cache under <prefix>registry: (@egov/subgraph-kit, process-services.ts).
    env: { REDIS_URL: url, REDIS_KEY_PREFIX: prefix, CACHE_KEY_SECRET: `bench-cache-key-${stamp}` },
    clearCaches: () => remove(`${prefix}registry:*`),
    async close() {
      try {
        return await remove(`${prefix}*`);
      } finally {
        redis.disconnect();
      }
    },
  };
}
