import type { z } from 'zod';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../log.js';
import type { RegistryName } from '../upstream/index.js';
import { RegistryError } from './registry-error.js';

export interface RegistryClientOptions {
  registry: RegistryName;
  /** Origin (and optional prefix) of the upstream; contract paths are appended to it. */
  baseUrl: string;
  /** Per-call deadline; the caller gets REGISTRY_TIMEOUT after it. Default 3000 ms. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  logger?: Logger;
}

interface Call<S extends z.ZodTypeAny> {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  schema: S;
  /** A 404 answer is a normal "no such record" for single lookups. */
  notFoundIsNull?: boolean;
}

/**
 * The one way subgraphs talk to a registry: JSON over HTTP with a deadline, every answer parsed against
 * the upstream contract, every failure turned into a RegistryError naming the registry.
 */
export class RegistryClient {
  readonly registry: RegistryName;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly logger: Logger | undefined;

  constructor(options: RegistryClientOptions) {
    this.registry = options.registry;
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
    this.timeoutMs = options.timeoutMs ?? 3000;
    // Resolved per call, not captured: test interceptors patch globalThis.fetch after construction.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.logger = options.logger;
  }

  get<S extends z.ZodTypeAny>(path: string, schema: S): Promise<z.infer<S> | null> {
    return this.call({ method: 'GET', path, schema, notFoundIsNull: true });
  }

  post<S extends z.ZodTypeAny>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
    return this.call({ method: 'POST', path, body, schema });
  }

  async call<S extends z.ZodTypeAny>(call: Call<S>): Promise<z.infer<S>> {
    const started = performance.now();
    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + call.path, {
        method: call.method,
        headers: call.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw this.transportError(error, started);
    }
    if (response.status === 404 && call.notFoundIsNull) {
      await drain(response);
      return null;
    }
    if (!response.ok) {
      await drain(response);
      this.logger?.warn('registry answered with an error status', { registry: this.registry, status: response.status });
      const code = response.status >= 500 || response.status === 429 ? ErrorCode.REGISTRY_UNAVAILABLE : ErrorCode.REGISTRY_BAD_RESPONSE;
      throw new RegistryError(this.registry, code, `answered HTTP ${response.status}`, response.status);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      if (isTimeout(error)) throw this.transportError(error, started);
      throw new RegistryError(this.registry, ErrorCode.REGISTRY_BAD_RESPONSE, 'answered with a body that is not JSON');
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) {
      // Only the paths of the offending fields are logged: values may be personal data.
      const fields = parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.'));
      this.logger?.warn('registry answer does not match its contract', { registry: this.registry, fields });
      throw new RegistryError(this.registry, ErrorCode.REGISTRY_BAD_RESPONSE, 'answered with data that does not match its contract');
    }
    return parsed.data;
  }

  private transportError(error: unknown, started: number): RegistryError {
    const elapsed = Math.round(performance.now() - started);
    if (isTimeout(error)) {
      return new RegistryError(this.registry, ErrorCode.REGISTRY_TIMEOUT, `did not answer within ${this.timeoutMs} ms`);
    }
    this.logger?.warn('registry unreachable', { registry: this.registry, elapsedMs: elapsed, error });
    return new RegistryError(this.registry, ErrorCode.REGISTRY_UNAVAILABLE, 'is unreachable');
  }
}

/** Reads a (small) error body to the end so the keep-alive connection can be reused. */
async function drain(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => undefined);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
