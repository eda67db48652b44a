import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, freePort } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/postgres/embedded.js';
import { createPool, inTransaction, migrate, type Pool } from '../src/postgres/index.js';

const MIGRATIONS = new URL('./fixtures/migrations/', import.meta.url);

describe('migrations on the real PostgreSQL server', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool(database.url, { applicationName: 'db-test' });
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('apply each file once, in order, even when several processes start together', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => migrate(pool, 'demo', MIGRATIONS)));
    expect(runs.flat().sort()).toEqual(['001_notes.sql', '002_note_author.sql']);
    expect(await migrate(pool, 'demo', MIGRATIONS)).toEqual([]);
    await pool.query(`INSERT INTO demo.notes (body) VALUES ('x')`);
    expect((await pool.query('SELECT author FROM demo.notes')).rows).toEqual([{ author: 'unknown' }]);
  });

  it('roll a transaction back when its work throws', async () => {
    await expect(
      inTransaction(pool, async (client) => {
        await client.query(`INSERT INTO demo.notes (body) VALUES ('lost')`);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await pool.query(`SELECT count(*)::int AS n FROM demo.notes WHERE body = 'lost'`)).rows[0].n).toBe(0);
  });
});

describe('the embedded database npm start uses', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'egov-pglite-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('speaks the same protocol to the same driver, and keeps its data across restarts', async () => {
    const first = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    const pool = createPool(first.url, { applicationName: 'embedded-test' });
    await migrate(pool, 'demo', MIGRATIONS);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => inTransaction(pool, (c) => c.query('INSERT INTO demo.notes (body, author) VALUES ($1, $2)', [`n${i}`, 'a']))),
    );
    await pool.end();
    await first.close();

    const second = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    const again = createPool(second.url, { applicationName: 'embedded-test' });
    expect((await again.query('SELECT count(*)::int AS n FROM demo.notes')).rows[0].n).toBe(20);
    expect(await migrate(again, 'demo', MIGRATIONS)).toEqual([]);
    await again.end();
    await second.close();
  }, 120_000); // PGlite is PostgreSQL compiled to WebAssembly: two cold starts on a busy CI core take a while
});

describe('the embedded database with many clients at once (five subgraphs starting together)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'egov-pglite-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("answers every client, keeps their transactions apart, and one client's failed statement costs no one else their answer", async () => {
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    const pools = Array.from({ length: 5 }, (_, i) => createPool(embedded.url, { applicationName: `client-${i}` }));
    await Promise.all(pools.map((pool) => migrate(pool, 'demo', MIGRATIONS)));
    const outcomes = await Promise.allSettled(
      pools.flatMap((pool, p) =>
        Array.from({ length: 10 }, (_, i) =>
          i === 3
            ? pool.query('SELECT $1::int AS n', ['not a number'])
            : inTransaction(pool, async (c) => {
                await c.query('INSERT INTO demo.notes (body, author) VALUES ($1, $2)', [`p${p}-${i}`, 'a']);
                if (i === 7) throw new Error('rolled back on purpose');
                return (await c.query('SELECT count(*)::int AS n FROM demo.notes WHERE body = $1', [`p${p}-${i}`])).rows[0].n;
              }),
        ),
      ),
    );
    const failures = outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason.message));
    expect(failures.filter((m) => m.includes('invalid input syntax'))).toHaveLength(5);
    expect(failures.filter((m) => m === 'rolled back on purpose')).toHaveLength(5);
    expect(failures).toHaveLength(10);
    expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<unknown>).value)).toEqual(Array(40).fill(1));
    expect((await pools[0]!.query('SELECT count(*)::int AS n FROM demo.notes')).rows[0].n).toBe(40);
    await Promise.all(pools.map((pool) => pool.end()));
    await embedded.close();
  }, 120_000);
});
