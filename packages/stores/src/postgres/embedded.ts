import { mkdirSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';

export interface EmbeddedPostgres {
  url: string;
  /**
   * Stops. With `graceMs`, it first keeps serving until every client has disconnected or the grace
   * period is over: on SIGTERM the subgraphs drain their own requests (which still write to it) and then
   * close their pools, so the database is the last to go.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** Messages after which a client waits for the server: the end of one unit of work on the wire. */
const UNIT_ENDS = new Set(['S', 'Q']);

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served on a local port over the PostgreSQL wire protocol,
 * so `npm start` needs no database server and the subgraphs still use the same `pg` driver as in
 * production. Data persists in `dataDir`. For development only.
 *
 * PGlite is one session, and every client shares it. Why not `@electric-sql/pglite-socket`: its multiplexer
 * interleaves clients message by message, so one client's Parse can replace another's unnamed statement
 * between its Parse and Bind, and after an error PGlite discards every message until a Sync, including other
 * clients' (which then wait forever: `npm start` hung that way with five subgraphs migrating at once). Here a
 * client's messages run as whole units (up to its Sync or simple Query), and a client that leaves a
 * transaction open keeps the session until it ends it (or disconnects, which rolls it back).
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; host?: string }): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  const session = new SessionTurns();
  const sockets = new Set<Socket>();
  let nextClient = 1;

  const server = createServer((socket) => {
    sockets.add(socket);
    const client = nextClient++;
    const wire = new WireReader();
    let work = Promise.resolve();
    let open = true;
    socket.setNoDelay(true);
    const end = () => {
      if (!open) return;
      open = false;
      sockets.delete(socket);
      socket.destroy();
      // A transaction the client left open dies with it, as on a real server.
      work = work.then(() => session.leave(client, () => (db.isInTransaction() ? db.exec('ROLLBACK').then(() => undefined) : undefined)));
    };
    socket.on('error', end);
    socket.on('close', end);
    socket.on('data', (chunk) => {
      for (const unit of wire.push(chunk)) {
        if (unit.kind === 'refuse-encryption') socket.write('N');
        else if (unit.kind === 'close') end();
        else
          work = work.then(async () => {
            if (!open) return;
            await session.take(client);
            try {
              await db.runExclusive(async () => {
                for (const message of unit.messages) await db.execProtocolRawStream(message, { onRawData: (data) => open && socket.write(data) });
              });
            } catch {
              end();
            } finally {
              session.release(client, db.isInTransaction());
            }
          });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });

  return {
    url: `postgres://postgres@${host}:${options.port}/postgres`,
    async close({ graceMs = 0 } = {}) {
      const deadline = Date.now() + graceMs;
      while (sockets.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}

/** Who holds the one session: a client with a transaction open keeps it until the transaction ends. */
class SessionTurns {
  private holder: number | null = null;
  private readonly waiting: Array<{ client: number; go: () => void }> = [];

  async take(client: number): Promise<void> {
    if (this.holder === null || this.holder === client) {
      this.holder = client;
      return;
    }
    await new Promise<void>((go) => this.waiting.push({ client, go }));
  }

  release(client: number, keep: boolean): void {
    if (this.holder !== client || keep) return;
    this.handOn();
  }

  async leave(client: number, cleanUp: () => Promise<void> | undefined): Promise<void> {
    if (this.holder === client) {
      await cleanUp();
      this.handOn();
    }
    for (let i = this.waiting.length - 1; i >= 0; i--) if (this.waiting[i]!.client === client) this.waiting.splice(i, 1);
  }

  private handOn(): void {
    const next = this.waiting.shift();
    this.holder = next?.client ?? null;
    next?.go();
  }
}

type Unit = { kind: 'run'; messages: Uint8Array[] } | { kind: 'refuse-encryption' } | { kind: 'close' };

/** Splits a client's bytes into protocol messages and groups them into units of work. */
class WireReader {
  private buffered: Buffer = Buffer.alloc(0);
  private started = false;
  private pending: Uint8Array[] = [];

  push(chunk: Buffer): Unit[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const units: Unit[] = [];
    for (;;) {
      if (!this.started) {
        // Before startup, messages have no type byte: a length, then a code or protocol version.
        if (this.buffered.length < 8) break;
        const length = this.buffered.readInt32BE(0);
        if (this.buffered.length < length) break;
        const code = this.buffered.readInt32BE(4);
        const message = this.take(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) units.push({ kind: 'refuse-encryption' });
        else if (code === CANCEL_REQUEST) units.push({ kind: 'close' });
        else {
          this.started = true;
          units.push({ kind: 'run', messages: [message] });
        }
        continue;
      }
      if (this.buffered.length < 5) break;
      const length = 1 + this.buffered.readInt32BE(1);
      if (this.buffered.length < length) break;
      const type = String.fromCharCode(this.buffered[0]!);
      const message = this.take(length);
      if (type === 'X') {
        units.push({ kind: 'close' });
        break;
      }
      this.pending.push(message);
      if (UNIT_ENDS.has(type)) {
        units.push({ kind: 'run', messages: this.pending });
        this.pending = [];
      }
    }
    return units;
  }

  private take(length: number): Uint8Array {
    const message = new Uint8Array(this.buffered.subarray(0, length));
    this.buffered = this.buffered.subarray(length);
    return message;
  }
}
