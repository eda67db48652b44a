import type { RequestListener } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RegistryName } from '@egov/contracts';
import { createHttpServer, type GracefulServer, type HttpServerSettings } from '@egov/core';
import { createMiddleware } from '@mswjs/http-middleware';
import express from 'express';
import type { RequestHandler } from 'msw';
import type { RegistryRoute } from './handlers/route.js';
import { toMswHandlers } from './handlers/to-msw.js';
import { registryRoutes } from './handlers.js';
import { leanListener } from './lean-server.js';
import type { RegistryState } from './state.js';

export const REGISTRY_NAMES: readonly RegistryName[] = ['individuals', 'legal-entities', 'payments', 'licensing', 'consents'];

export interface MockRegistryServerOptions {
  state: RegistryState;
  /** Port per registry; 0 (the default) picks a free one. */
  ports?: Partial<Record<RegistryName, number>>;
  host?: string;
  /** Client timeouts and the shutdown grace period; Node's defaults (and a 25 s grace) when unset. */
  http?: Partial<HttpServerSettings>;
}

interface Running {
  served: GracefulServer | null;
  port: number;
  /** The registry's route table (with the latency knob in front), compiled once. */
  routes: RegistryRoute[];
  lean: RequestListener;
  overrides: RequestHandler[];
  /** The msw path (overrides, then the same routes as msw handlers); built only once a test adds overrides. */
  msw: RequestListener | null;
}

/**
 * The registries' route tables served over real HTTP, one port per registry, so subgraphs make real network
 * calls. A registry without overrides answers on the lean path (plain node:http over the route table); per-test
 * overrides (msw handlers, e.g. `scenarios`) switch that registry to msw until resetHandlers(). A registry can
 * also be stopped and started again (an outage).
 */
export class MockRegistryServers {
  private readonly running = new Map<RegistryName, Running>();
  private readonly host: string;
  private latencyMs = 0;

  constructor(private readonly options: MockRegistryServerOptions) {
    this.host = options.host ?? '127.0.0.1';
  }

  get state(): RegistryState {
    return this.options.state;
  }

  async startAll(): Promise<this> {
    for (const name of REGISTRY_NAMES) await this.start(name);
    return this;
  }

  /** Starts (or restarts after stop) one registry, on the port it had before if it had one. */
  async start(name: RegistryName): Promise<string> {
    const previous = this.running.get(name);
    if (previous?.served?.server.listening) return this.url(name);
    const entry = previous ?? this.entryFor(name);
    // Read per request, so use() and resetHandlers() switch paths on connections that are already open.
    entry.served = createHttpServer((req, res) => (entry.msw ?? entry.lean)(req, res), this.options.http);
    entry.port = await entry.served.listen(entry.port, this.host);
    this.running.set(name, entry);
    return this.url(name);
  }

  /** Takes one registry off the network at once, as an outage does: connections are refused until start(). */
  async stop(name: RegistryName): Promise<void> {
    const server = this.running.get(name)?.served?.server;
    if (!server?.listening) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * Prepends msw handlers for one registry (a failure scenario) until resetHandlers(). From the first use() on,
   * that registry answers through msw (overrides, then its route table as msw handlers), even with no handlers given.
   */
  use(name: RegistryName, ...handlers: RequestHandler[]): void {
    const entry = this.mustGet(name);
    entry.overrides = [...handlers, ...entry.overrides];
    entry.msw = mswListener([...entry.overrides, ...toMswHandlers(entry.routes)]);
  }

  /** Drops every override: all registries answer on the lean path again. */
  resetHandlers(): void {
    for (const entry of this.running.values()) {
      entry.overrides = [];
      entry.msw = null;
    }
  }

  /** Delays every route's answer, on every registry, by this many milliseconds (0: none); for benchmarks. */
  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a number of milliseconds >= 0, not ${ms}`);
    this.latencyMs = ms;
  }

  url(name: RegistryName): string {
    return `http://${this.host}:${this.mustGet(name).port}`;
  }

  urls(): Record<RegistryName, string> {
    return Object.fromEntries(REGISTRY_NAMES.map((name) => [name, this.url(name)])) as Record<RegistryName, string>;
  }

  async close(): Promise<void> {
    for (const name of this.running.keys()) await this.stop(name);
  }

  /** Stops as a process on SIGTERM does: no new connections, requests in flight finish within the grace period. */
  async drain(): Promise<void> {
    await Promise.all([...this.running.values()].map((entry) => entry.served?.close()));
  }

  private entryFor(name: RegistryName): Running {
    const routes = registryRoutes(name, this.options.state).map((route) => ({
      ...route,
      handle: async (request: Parameters<RegistryRoute['handle']>[0]) => {
        if (this.latencyMs > 0) await sleep(this.latencyMs);
        return route.handle(request);
      },
    }));
    return { served: null, port: this.options.ports?.[name] ?? 0, routes, lean: leanListener(routes), overrides: [], msw: null };
  }

  private mustGet(name: RegistryName): Running {
    const entry = this.running.get(name);
    if (!entry) throw new Error(`mock registry ${name} was never started`);
    return entry;
  }
}

/** msw handlers over HTTP (express + @mswjs/http-middleware), unknown routes answered 404 like the lean path. */
function mswListener(handlers: RequestHandler[]): RequestListener {
  const app = express();
  app.disable('x-powered-by');
  // msw's HttpResponse.error() (a network failure) reaches the middleware as status 0: drop the connection,
  // as a dead host would, instead of crashing on an invalid status code.
  app.use((_req, res, next) => {
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
    res.writeHead = ((...args: unknown[]) => {
      if (args[0] === 0 || res.statusCode === 0) {
        res.socket?.destroy();
        return res;
      }
      return writeHead(...args);
    }) as typeof res.writeHead;
    next();
  });
  // http-middleware is CommonJS and types its msw import separately; the handler objects are the same.
  app.use(createMiddleware(...(handlers as unknown as Parameters<typeof createMiddleware>)));
  app.use((_req, res) => res.status(404).json({ error: 'NO_SUCH_ROUTE' }));
  return app;
}
