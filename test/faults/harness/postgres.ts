import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@egov/testkit';
import pg from 'pg';
import { ManagedProcess } from './processes.js';

export interface PostgresServer {
  /** The database the graph uses (`egov`), as the superuser over TCP. */
  url: string;
  port: number;
  process: ManagedProcess;
  /**
   * Stops the server. 'fast' (SIGINT) rolls back open transactions and disconnects every client, as an
   * operator's `pg_ctl stop -m fast` or a failover does; 'immediate' (SIGQUIT) is a crash.
   */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it takes connections. */
  start(): Promise<void>;
  /** A query on the graph's database (for assertions). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  close(): Promise<void>;
}

/** The newest PostgreSQL's bin directory (PG_BIN overrides). */
function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error('No PostgreSQL server binaries under /usr/lib/postgresql/*/bin; set PG_BIN');
  return join(root, versions[0]!, 'bin');
}

/**
 * PostgreSQL refuses to run as root. As root the harness runs initdb and postgres as the `postgres` system
 * user (FAULT_PG_USER overrides) through `setpriv`, which execs in place: the child's pid is the postmaster's,
 * so signals reach it directly. As any other user they run as that user.
 */
function asServerUser(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  const user = process.env.FAULT_PG_USER ?? 'postgres';
  return ['setpriv', [`--reuid=${user}`, `--regid=${user}`, '--init-groups', command, ...args]];
}

function chownTo(path: string): void {
  if (process.getuid?.() !== 0) return;
  const user = process.env.FAULT_PG_USER ?? 'postgres';
  const uid = Number(execFileSync('id', ['-u', user]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', user]).toString().trim());
  chownSync(path, uid, gid);
}

/**
 * A PostgreSQL cluster of the test's own (initdb into a temporary directory, a free port, the socket in the
 * same directory): never the machine's 5432. Durability settings are off (fsync), which changes nothing for
 * a server that is stopped, not a machine that loses power.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = pgBin();
  const dir = mkdtempSync(join(tmpdir(), 'egov-faults-pg-'));
  chownTo(dir);
  const data = join(dir, 'data');
  const [initdb, initArgs] = asServerUser(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  execFileSync(initdb, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  const [postgres, args] = asServerUser(join(bin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=300',
    '-c',
    'shared_buffers=32MB',
    '-c',
    'logging_collector=off',
  ]);
  const proc = new ManagedProcess('postgres', postgres, args, {}, { cwd: dir });
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const url = `postgres://postgres@127.0.0.1:${port}/egov`;
  let pool: pg.Pool | null = null;

  async function ready(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!proc.alive) throw new Error(`postgres exited while starting:\n${proc.tail()}`);
      const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1_000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`postgres on ${port} did not take connections:\n${proc.tail()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }

  const server: PostgresServer = {
    url,
    port,
    process: proc,
    async stop(mode = 'fast') {
      if (!proc.alive) return;
      const exit = await proc.stop(mode === 'fast' ? 'SIGINT' : 'SIGQUIT', 30_000);
      if (!exit) throw new Error('postgres did not stop');
    },
    async start() {
      proc.start();
      await ready(30_000);
    },
    query(text, values) {
      pool ??= new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 2_000 }).on('error', () => undefined);
      return pool.query(text, values);
    },
    async close() {
      await pool?.end().catch(() => undefined);
      pool = null;
      await proc.stop('SIGINT', 10_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE egov');
  await admin.end();
  return server;
}
