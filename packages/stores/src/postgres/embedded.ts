import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  close(): Promise<void>;
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
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
