import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export interface PoolOptions {
  /** Shows in pg_stat_activity, so an operator can tell the subgraphs apart. */
  applicationName: string;
  max?: number;
  /** A statement that runs longer is cancelled by the server. Default 10 s. */
  statementTimeoutMs?: number;
}

/**
 * A PostgreSQL pool. Our SQL always names its schema (`applications.applications`) and never relies on
 * session settings, because the embedded server multiplexes every client onto one session.
 */
export function createPool(url: string, options: PoolOptions): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: options.applicationName,
    max: options.max ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Every client also hears its own 'error' for as long as it lives. The pool stops listening the moment it
  // hands a client out, and the caller of `await pool.connect()` can only start a microtask later: when the
  // server's "ready" and its "terminating connection" (a fast shutdown) arrive in one segment, node-postgres
  // emits the error in between, with nobody listening, and that ends the process. What the error means still
  // reaches the caller: the client is no longer queryable, so its next statement fails and it is dropped.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/**
 * Runs `work` in one transaction: committed if it resolves, rolled back if it throws.
 */
export function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withTransactionClient(pool, async (client) => {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  });
}

/**
 * A pooled client for `work`, which opens and ends its own transaction (for statements a plain BEGIN/COMMIT does
 * not cover, such as several in one round trip); if `work` throws, whatever it left open is rolled back.
 *
 * While a client is checked out the pool no longer listens for its 'error' events, and node-postgres emits
 * one whenever the connection dies (the server stopped or restarted), even between two statements of the
 * transaction: unheard, it would end the process. So this listens for it itself, and a client whose
 * connection broke is destroyed on release rather than handed to the next caller.
 */
export async function withTransactionClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | null = null;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } catch (error) {
    // A dead connection has nothing to roll back: the server already discarded the transaction. With nothing
    // open, ROLLBACK is only a warning.
    if (!broken) await client.query('ROLLBACK').catch((failure: Error) => void (broken = failure));
    throw error;
  } finally {
    // A broken connection may still report its end after this (PostgreSQL's "terminating connection" arrives
    // as an error event as well as a failed statement): its listener stays, as the client is never reused.
    if (!broken) client.off('error', onError);
    client.release(broken ?? undefined);
  }
}
