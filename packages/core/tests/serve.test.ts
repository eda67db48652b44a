import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConfigError, createHttpServer, httpSettingsFromEnv } from '../src/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends raw bytes and reports what came back and when the server closed the connection. */
function raw(port: number, bytes: string, waitMs: number): Promise<{ text: string; closedAfterMs: number | null }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString();
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedAfterMs: null });
    }, waitMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closedAfterMs: Date.now() - started });
    });
    socket.on('error', () => undefined);
  });
}

describe('an HTTP server of the graph', () => {
  it('cuts off a client whose body never reaches its Content-Length, within the request timeout', async () => {
    const served = createHttpServer((_req, res) => res.end('ok'), { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300 });
    const port = await served.listen(0, '127.0.0.1');
    const outcome = await raw(port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"a"', 5_000);
    expect(outcome.closedAfterMs).not.toBeNull();
    expect(outcome.closedAfterMs!).toBeLessThan(2_000);
    await served.close();
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const served = createHttpServer((_req, res) => res.end('ok'), { keepAliveTimeoutMs: 200 });
    const port = await served.listen(0, '127.0.0.1');
    const outcome = await raw(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', 3_000);
    expect(outcome.text).toContain('200 OK');
    expect(outcome.closedAfterMs!).toBeLessThan(1_500);
    await served.close();
  });

  it('on close stops accepting at once, lets a request in flight finish, and says it is draining', async () => {
    const served = createHttpServer(
      (_req, res) => {
        setTimeout(() => res.end('finished'), 300);
      },
      { shutdownGraceMs: 5_000 },
    );
    const port = await served.listen(0, '127.0.0.1');
    const inFlight = fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
    await sleep(50);
    const closed = served.close();
    expect(served.draining).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    expect(await inFlight).toBe('finished');
    await closed;
  });

  it('cuts a request still running when the grace period is over', async () => {
    const served = createHttpServer(() => undefined, { shutdownGraceMs: 200 });
    const port = await served.listen(0, '127.0.0.1');
    const hanging = fetch(`http://127.0.0.1:${port}/`).then(
      () => 'answered',
      () => 'cut',
    );
    await sleep(50);
    const started = Date.now();
    await served.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await hanging).toBe('cut');
  });
});

describe('the HTTP settings', () => {
  it('come from HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_KEEPALIVE_TIMEOUT_MS and SHUTDOWN_GRACE_MS', () => {
    expect(
      httpSettingsFromEnv({ HTTP_HEADERS_TIMEOUT_MS: '1500', HTTP_REQUEST_TIMEOUT_MS: '3000', HTTP_KEEPALIVE_TIMEOUT_MS: '1000', SHUTDOWN_GRACE_MS: '4000' }),
    ).toEqual({ headersTimeoutMs: 1500, requestTimeoutMs: 3000, keepAliveTimeoutMs: 1000, shutdownGraceMs: 4000 });
    expect(httpSettingsFromEnv({}).shutdownGraceMs).toBe(25_000);
  });

  it('refuse a headers timeout longer than the request timeout, naming both variables', () => {
    expect(() => httpSettingsFromEnv({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' })).toThrow(ConfigError);
    expect(() => httpSettingsFromEnv({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS.*HTTP_REQUEST_TIMEOUT_MS/,
    );
  });
});
