/**
 * One registry's routes, written once and served two ways: as msw handlers (in-process tests, per-test
 * overrides; `to-msw.ts`) and by the lean node:http server (`lean-server.ts`), which answers a call for a
 * fraction of msw's CPU. A route sees only what both transports can give it cheaply.
 */
export type RouteMethod = 'GET' | 'POST' | 'PUT';

export interface RouteRequest {
  /** The path parameters of the contract path (`:iin` → `params.iin`), percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** The full request URL; its origin is the host the caller used. */
  readonly url: URL;
  header(name: string): string | undefined;
  /** The body parsed as JSON; rejects when it is not JSON. Read only by the routes that take a body. */
  json(): Promise<unknown>;
}

/** A JSON answer, an HTML page, or (neither) an empty body. */
export interface RouteAnswer {
  status: number;
  json?: unknown;
  html?: string;
}

export interface RegistryRoute {
  method: RouteMethod;
  /** The contract path from @egov/contracts, with its `:params`. */
  path: string;
  handle(request: RouteRequest): RouteAnswer | Promise<RouteAnswer>;
}

export const json = (body: unknown, status = 200): RouteAnswer => ({ status, json: body });
export const html = (page: string, status = 200): RouteAnswer => ({ status, html: page });
