import http from 'node:http';
import https from 'node:https';
import { readBody } from '@egov/core';
import { injectTraceContext } from '@egov/telemetry';

/** One HTTP exchange with a registry, as the client needs it: a status and the whole body as text. */
export interface TransportRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** The attempt fails with a TimeoutError once this many milliseconds pass without the whole answer. */
  timeoutMs: number;
}

export interface TransportAnswer {
  status: number;
  body: string;
}

export type RegistryTransport = (request: TransportRequest) => Promise<TransportAnswer>;

/** No registry answer the contracts describe comes near this; a larger one is refused, not buffered. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Node's own http client over keep-alive agents. Measured against Node's fetch (undici) on the same
 * keep-alive loopback calls, a registry call costs about a fifth of the CPU (`bench/src/micro/registry-transport.ts`),
 * and the registry fetch was the largest share of a subgraph call. Test interceptors (msw) see these requests
 * as they saw fetch.
 */
export function nodeHttpTransport(options: { maxSockets: number }): RegistryTransport {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' }),
  };
  const exchange = (request: TransportRequest, mayRetryStale: boolean): Promise<TransportAnswer> =>
    new Promise<TransportAnswer>((resolve, reject) => {
      const started = performance.now();
      const url = new URL(request.url);
      const agent = url.protocol === 'https:' ? agents['https:'] : url.protocol === 'http:' ? agents['http:'] : null;
      if (!agent) return reject(new Error(`registry URL must be http or https, not ${url.protocol}`));
      const headers = injectTraceContext(
        request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      );
      const send = url.protocol === 'https:' ? https.request : http.request;
      let answered = false;
      const outgoing = send(url, { method: request.method, headers, agent }, (incoming) => {
        answered = true;
        // Bounded, and rejected when the connection ends mid-answer (a premature close of the stream).
        readBody(incoming, MAX_BODY_BYTES).then((body) => resolve({ status: incoming.statusCode ?? 0, body: body.toString('utf8') }), fail);
      });
      // Settles first, then tears the exchange down: whatever the socket reports next cannot change the reason.
      const fail = (error: Error) => {
        reject(error);
        outgoing.destroy();
      };
      // One timer for the whole exchange (connect, send, answer): what the caller's deadline is.
      const timer = setTimeout(() => fail(timeoutError(request.timeoutMs)), request.timeoutMs);
      outgoing.on('close', () => clearTimeout(timer));
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the registry closed while it sat idle fails at once, before any answer: the
        // registry never read this request, so it goes once more on a new connection (Node's documented remedy,
        // `request.reusedSocket`), within what is left of the deadline. Writes carry their own idempotency keys.
        const left = request.timeoutMs - (performance.now() - started);
        if (mayRetryStale && !answered && outgoing.reusedSocket && STALE_CONNECTION.has(error.code ?? '') && left >= 1) {
          clearTimeout(timer);
          resolve(exchange({ ...request, timeoutMs: Math.floor(left) }, false));
          return;
        }
        reject(error);
      });
      outgoing.end(request.body);
    });
  return (request) => exchange(request, true);
}

/** How a connection the other side closed while idle fails when it is used again. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE']);

/** The same exchange through a fetch function: what tests inject to answer without a server. */
export function fetchTransport(fetchImpl: typeof globalThis.fetch): RegistryTransport {
  return async (request) => {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    return { status: response.status, body: await response.text() };
  };
}

function timeoutError(ms: number): Error {
  const error = new Error(`no answer within ${ms} ms`);
  error.name = 'TimeoutError';
  return error;
}
