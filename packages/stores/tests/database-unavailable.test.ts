import { createTestDatabase, freePort } from '@egov/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, databaseUnavailable, inTransaction, isDatabaseUnavailable, type Pool } from '../src/postgres/index.js';

describe('a transaction whose connection dies under it (the server stopped, a failover)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  let admin: Pool;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool(database.url, { applicationName: 'blip-test', max: 2 });
    admin = createPool(database.url, { applicationName: 'blip-test-admin', max: 1 });
  });
  afterAll(async () => {
    await Promise.all([pool.end(), admin.end()]);
    await database.drop();
  });

  it('fails with an error that says the database is unavailable, and the process lives on', async () => {
    const outcome = await inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      // The connection is killed while the transaction waits on something else (a registry, say): node-postgres
      // emits 'error' on the checked-out client, which nobody but the transaction is there to hear.
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await client.query('SELECT 1');
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(outcome).not.toBeNull();
    expect(isDatabaseUnavailable(outcome)).toBe(true);
  });

  it('hands the next caller a working connection, not the broken one', async () => {
    for (let i = 0; i < 3; i++) {
      await expect(inTransaction(pool, (client) => client.query('SELECT 1 AS one').then((r) => r.rows[0].one))).resolves.toBe(1);
    }
  });
});

describe('telling an unavailable database from a failed statement', () => {
  it('counts refused connections, lost connections, shutdowns and a full server as unavailable', async () => {
    const refused = createPool(`postgres://postgres@127.0.0.1:${await freePort()}/postgres`, { applicationName: 'refused' });
    const error = await refused.query('SELECT 1').catch((e: unknown) => e);
    await refused.end();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('sorry, too many clients already'), { code: '53300' }))).toBe(true);
    expect(isDatabaseUnavailable({ originalError: Object.assign(new Error('x'), { code: '08006' }) })).toBe(true);
  });

  it('does not count what the statement itself got wrong', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
  });

  it('answers the client with the typed, retryable DATABASE_UNAVAILABLE', () => {
    expect(databaseUnavailable().extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
  });
});
