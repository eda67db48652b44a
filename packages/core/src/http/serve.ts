import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, envInt } from '../config.js';

type Env = Record<string, string | undefined>;

/**
 * How long a client may take and how long a stopping process waits: the same four settings for every HTTP
 * server of the graph (gateway, subgraphs, mocks), read from the same variables.
 */
export interface HttpServerSettings {
  /** A request whose headers are not complete by then is answered 408 (slowloris). */
  headersTimeoutMs: number;
  /** A request (headers and body, uploads included) not received whole by then is answered 408. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
  /** On shutdown, how long requests in flight may take to finish before they are cut. */
  shutdownGraceMs: number;
}

export const HTTP_SERVER_DEFAULTS: HttpServerSettings = {
  headersTimeoutMs: 10_000,
  // Scans of up to 10 MiB from a slow mobile connection must still arrive whole.
  requestTimeoutMs: 60_000,
  // Longer than a load balancer's idle timeout (60 s on the common ones): the balancer, not us, closes an
  // idle connection, so it never sends a request down a connection we are closing at that moment.
  keepAliveTimeoutMs: 65_000,
  // Below Kubernetes' 30 s terminationGracePeriodSeconds, so we finish before it sends SIGKILL.
  shutdownGraceMs: 25_000,
};

/** SHUTDOWN_GRACE_MS: how long a stopping process lets the work in flight finish. */
export function shutdownGraceFromEnv(env: Env = process.env): number {
  return envInt('SHUTDOWN_GRACE_MS', HTTP_SERVER_DEFAULTS.shutdownGraceMs, env);
}

/** HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_KEEPALIVE_TIMEOUT_MS, SHUTDOWN_GRACE_MS. */
export function httpSettingsFromEnv(env: Env = process.env): HttpServerSettings {
  const settings = {
    headersTimeoutMs: envInt('HTTP_HEADERS_TIMEOUT_MS', HTTP_SERVER_DEFAULTS.headersTimeoutMs, env),
    requestTimeoutMs: envInt('HTTP_REQUEST_TIMEOUT_MS', HTTP_SERVER_DEFAULTS.requestTimeoutMs, env),
    keepAliveTimeoutMs: envInt('HTTP_KEEPALIVE_TIMEOUT_MS', HTTP_SERVER_DEFAULTS.keepAliveTimeoutMs, env),
    shutdownGraceMs: shutdownGraceFromEnv(env),
  };
  // Node refuses a headers timeout above the request timeout; say which variables disagree instead.
  if (settings.requestTimeoutMs > 0 && settings.headersTimeoutMs > settings.requestTimeoutMs) {
    throw new ConfigError(`HTTP_HEADERS_TIMEOUT_MS (${settings.headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${settings.requestTimeoutMs})`);
  }
  return settings;
}

/** An HTTP server that holds slow clients to the timeouts and stops gracefully. */
export interface GracefulServer {
  readonly server: Server;
  /** True from the moment close() is called: readiness probes answer 503 from then on. */
  readonly draining: boolean;
  /** Listens; port 0 picks a free one. Resolves with the port. */
  listen(port: number, host: string): Promise<number>;
  /**
   * Stops accepting connections at once, lets the requests in flight finish within the grace period
   * (idle keep-alive connections are closed, busy ones are told `Connection: close`), then cuts whatever
   * is still running. Resolves once every connection is gone.
   */
  close(): Promise<void>;
}

/**
 * Node checks the header and request timeouts on a timer (30 s by default), so a limit of a few seconds
 * would be overrun by up to 30 s; check at a fraction of the shortest limit instead.
 */
function checkingIntervalMs(settings: HttpServerSettings): number {
  const limits = [settings.headersTimeoutMs, settings.requestTimeoutMs].filter((ms) => ms > 0);
  return Math.max(100, Math.min(1_000, Math.floor(Math.min(...limits, 4_000) / 4)));
}

export function createHttpServer(handler: RequestListener, settings: Partial<HttpServerSettings> = {}): GracefulServer {
  const s: HttpServerSettings = { ...HTTP_SERVER_DEFAULTS, ...settings };
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let settled: (() => void) | null = null;

  const server = createServer(
    {
      headersTimeout: s.headersTimeoutMs,
      requestTimeout: s.requestTimeoutMs,
      keepAliveTimeout: s.keepAliveTimeoutMs,
      connectionsCheckingInterval: checkingIntervalMs(s),
    },
    (req: IncomingMessage, res: ServerResponse) => {
      inFlight.add(res);
      // A response that arrives while draining tells its client not to reuse the connection.
      if (draining) res.setHeader('connection', 'close');
      res.once('close', () => {
        inFlight.delete(res);
        if (draining) {
          server.closeIdleConnections();
          if (inFlight.size === 0) settled?.();
        }
      });
      handler(req, res);
    },
  );
  // Set again as properties: older Node versions read only these, not the constructor options.
  server.headersTimeout = s.headersTimeoutMs;
  server.requestTimeout = s.requestTimeoutMs;
  server.keepAliveTimeout = s.keepAliveTimeoutMs;

  let closing: Promise<void> | null = null;
  return {
    server,
    get draining() {
      return draining;
    },
    listen(port, host) {
      return new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      closing ??= (async () => {
        draining = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
        server.closeIdleConnections();
        // Until nothing is in flight, or the grace period is over: a request that began on a kept-alive connection
        // after the stop (its answer says `Connection: close`) is waited for like the others.
        const deadline = performance.now() + s.shutdownGraceMs;
        while (inFlight.size > 0 && performance.now() < deadline) {
          let timer: NodeJS.Timeout | undefined;
          await new Promise<void>((resolve) => {
            settled = resolve;
            timer = setTimeout(resolve, deadline - performance.now());
          });
          clearTimeout(timer);
        }
        // Nothing in flight: close what is idle now, and let a connection whose request is still arriving (not yet
        // handed to us) finish until the deadline. Only what the grace period could not finish is cut, so the
        // process exits within the time Kubernetes allows.
        server.closeIdleConnections();
        const left = deadline - performance.now();
        if (inFlight.size === 0 && left > 0) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, left)))]);
          clearTimeout(timer);
        }
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
