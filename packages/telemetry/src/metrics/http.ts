import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHttpServer, type HttpServerSettings } from '@egov/core';
import type { ProcessMetrics } from './process-metrics.js';

export interface ObserveHttpOptions {
  /** Gateway: a 429 on /graphql or /attachments is the rate limit's refusal (nothing else there answers 429). */
  rateLimitRoutes?: boolean;
}

/**
 * Counts one HTTP exchange once its response is finished (or the connection closed under it): route, method,
 * status. Called first thing in a server's request listener, so every answer counts, whichever code gave it.
 */
export function observeHttp(metrics: ProcessMetrics, req: IncomingMessage, res: ServerResponse, options: ObserveHttpOptions = {}): void {
  res.once('close', () => {
    const path = req.url ?? '/';
    metrics.httpRequest(path, req.method, res.statusCode);
    if (options.rateLimitRoutes && res.statusCode === 429) metrics.rateLimitRefusal(path);
  });
}

/** Answers a scrape. */
export async function sendMetrics(metrics: ProcessMetrics, res: ServerResponse): Promise<void> {
  try {
    const { contentType, body } = await metrics.scrape();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
  } catch {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
  }
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * METRICS_PORT: `/metrics` on a port of its own (Kubernetes and the local stack), so a NetworkPolicy can open it
 * to Prometheus without opening the API. Anything but GET /metrics is 404 there.
 */
export async function startMetricsServer(
  metrics: ProcessMetrics,
  port: number,
  host = '127.0.0.1',
  settings: Partial<HttpServerSettings> = {},
): Promise<MetricsServer> {
  // The same graceful server as the API: on close it stops accepting, lets a scrape in flight finish, then closes.
  const http = createHttpServer((req, res) => {
    if (req.method === 'GET' && (req.url ?? '').split('?', 1)[0] === '/metrics') return void sendMetrics(metrics, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  }, settings);
  return { port: await http.listen(port, host), close: () => http.close() };
}
