import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  /**
   * Stops. With `graceMs`, it first keeps serving until every client has disconnected or the grace
   * period is over: on SIGTERM the subgraphs drain their own requests (which still write to it) and then
   * close their pools, so the database is the last to go.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served on a local port over the PostgreSQL wire protocol,
 * so `npm start` needs no database server and the subgraphs still use the same `pg` driver as in
 * production. Data persists in `dataDir`. For development only: all clients share one session.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; host?: string }): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  const server = new PGLiteSocketServer({ db, port: options.port, host, maxConnections: 64 });
  await server.start();
  return {
    url: `postgres://postgres@${host}:${options.port}/postgres`,
    async close({ graceMs = 0 } = {}) {
      const deadline = Date.now() + graceMs;
      while (server.getStats().activeConnections > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      await server.stop();
      await db.close();
    },
  };
}
