import type { RegistryName } from '@egov/contracts';
import { createHttpServer, type GracefulServer, type HttpServerSettings } from '@egov/core';
import { createMiddleware } from '@mswjs/http-middleware';
import express from 'express';
import type { RequestHandler } from 'msw';
import { registryHandlers } from './handlers.js';
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
  overrides: RequestHandler[];
  middleware: ReturnType<typeof createMiddleware>;
}

/**
 * The same msw handlers served over real HTTP, one port per registry, so subgraphs make real network
 * calls. A registry can be stopped and started again (an outage), or given per-test overrides.
 */
export class MockRegistryServers {
  private readonly running = new Map<RegistryName, Running>();
  private readonly host: string;

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
    const entry: Running = previous ?? {
      served: null,
      port: this.options.ports?.[name] ?? 0,
      overrides: [],
      middleware: this.middlewareFor(name, []),
    };
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
    app.use((req, res, next) => entry.middleware(req, res, next));
    app.use((_req, res) => res.status(404).json({ error: 'NO_SUCH_ROUTE' }));
    entry.served = createHttpServer(app, this.options.http);
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

  /** Prepends handlers for one registry (a failure scenario) until resetHandlers(). */
  use(name: RegistryName, ...handlers: RequestHandler[]): void {
    const entry = this.mustGet(name);
    entry.overrides = [...handlers, ...entry.overrides];
    entry.middleware = this.middlewareFor(name, entry.overrides);
  }

  resetHandlers(): void {
    for (const [name, entry] of this.running) {
      entry.overrides = [];
      entry.middleware = this.middlewareFor(name, []);
    }
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

  private middlewareFor(name: RegistryName, overrides: RequestHandler[]) {
    // http-middleware is CommonJS and types its msw import separately; the handler objects are the same.
    const handlers = [...overrides, ...registryHandlers(name, this.options.state)] as unknown as Parameters<typeof createMiddleware>;
    return createMiddleware(...handlers);
  }

  private mustGet(name: RegistryName): Running {
    const entry = this.running.get(name);
    if (!entry) throw new Error(`mock registry ${name} was never started`);
    return entry;
  }
}
