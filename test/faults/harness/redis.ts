import { createConnection } from 'node:net';
import { freePort } from '@egov/testkit';
import { ManagedProcess } from './processes.js';

export interface RedisServer {
  url: string;
  port: number;
  process: ManagedProcess;
  /** A hung Redis: the process is stopped (SIGSTOP); connections stay open and commands get no answer. */
  hang(): void;
  /** SIGCONT: it answers again, including what was sent while it hung. */
  resume(): void;
  /** Stops it (its data is gone: no persistence). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Answers once Redis says PONG. */
async function ping(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
      socket.setTimeout(500, () => (socket.destroy(), resolve(false)));
      socket.once('data', (data) => (socket.destroy(), resolve(data.toString().startsWith('+PONG'))));
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis on ${port} did not answer PING`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A Redis of the test's own on a free port (never the machine's 6379): no persistence, a child process. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const bin = process.env.FAULT_REDIS_SERVER ?? 'redis-server';
  const proc = new ManagedProcess(
    'redis',
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'],
    {},
  );
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    port,
    process: proc,
    hang: () => proc.signal('SIGSTOP'),
    resume: () => proc.signal('SIGCONT'),
    async stop() {
      if (!proc.alive) return;
      proc.signal('SIGCONT');
      await proc.stop('SIGTERM', 5_000);
    },
    async start() {
      proc.start();
      await ping(port, 10_000);
    },
    close: () => server.stop(),
  };
  await server.start();
  return server;
}
