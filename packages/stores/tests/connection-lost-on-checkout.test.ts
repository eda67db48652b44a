/**
 * A fast shutdown of PostgreSQL (pg_ctl stop -m fast, a failover) can reach a connection the very moment it is
 * handed out: the server's "ready" and its "terminating connection" arrive in one TCP segment, node-postgres
 * parses both in one go, and the 'error' event fires after the pool removed its own listener but before the
 * caller's `await pool.connect()` resumes to add one. Unheard, that event ends the process (seen in CI in the
 * database fault test). Reproduced here exactly, with a server that writes both messages at once.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, inTransaction, isDatabaseUnavailable } from '../src/postgres/index.js';

/** One backend message: type byte, then a length that counts itself. */
function message(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), length, body]);
}

const authenticationOk = message('R', Buffer.from([0, 0, 0, 0]));
const readyForQuery = message('Z', Buffer.from('I'));
const adminShutdown = message(
  'E',
  Buffer.concat([
    ...['SFATAL', 'VFATAL', 'C57P01', 'Mterminating connection due to administrator command'].map((field) => Buffer.from(`${field}\0`)),
    Buffer.from([0]),
  ]),
);

describe('PostgreSQL shutting down just as a connection is handed out', () => {
  let server: net.Server;
  let port: number;
  let uncaught: unknown[];
  const record = (error: unknown) => void uncaught.push(error);

  beforeAll(async () => {
    uncaught = [];
    process.on('uncaughtException', record);
    server = net.createServer((socket) => {
      socket.on('error', () => undefined);
      // The startup message is all a client sends before it is ready: answer it with ready and gone, together.
      socket.once('data', () => socket.end(Buffer.concat([authenticationOk, readyForQuery, adminShutdown])));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    process.off('uncaughtException', record);
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails the transaction as "database unavailable", and the process hears every error event', async () => {
    const pool = createPool(`postgres://egov@127.0.0.1:${port}/egov`, { applicationName: 'handout-test', max: 2 });
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        inTransaction(pool, (client) => client.query('SELECT 1')).then(
          () => null,
          (error: unknown) => error,
        ),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.end();

    expect(uncaught).toEqual([]);
    expect(outcomes.map((outcome) => isDatabaseUnavailable(outcome))).toEqual([true, true, true, true]);
  });
});
