import type { RequestListener, ServerResponse } from 'node:http';
import { readBody } from '@egov/core';
import type { RegistryRoute, RouteAnswer, RouteRequest } from './handlers/route.js';

interface CompiledRoute {
  route: RegistryRoute;
  pattern: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: RegistryRoute;
  params: Record<string, string>;
}

/**
 * A contract path as a regular expression that matches what msw's matcher (path-to-regexp, non-strict) does:
 * one non-empty segment per `:param`, an optional trailing slash, letters in any case.
 */
function compile(route: RegistryRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split(/(:\w+)/)
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/#?]+)';
    })
    .join('');
  return { route, names, pattern: new RegExp(`^${source}/?$`, 'i') };
}

/** The route table compiled once: the first route (in table order) whose method and path match answers. */
export function routeMatcher(routes: readonly RegistryRoute[]): (method: string, pathname: string) => RouteMatch | undefined {
  const byMethod = new Map<string, CompiledRoute[]>();
  for (const route of routes) byMethod.set(route.method, [...(byMethod.get(route.method) ?? []), compile(route)]);
  return (method, pathname) => {
    for (const { route, pattern, names } of byMethod.get(method) ?? []) {
      const found = pattern.exec(pathname);
      if (!found) continue;
      const params: Record<string, string> = {};
      try {
        names.forEach((name, i) => {
          params[name] = decodeURIComponent(found[i + 1]!);
        });
      } catch {
        return undefined; // a malformed escape (`%E0%A4%A`) names no resource
      }
      return { route, params };
    }
    return undefined;
  };
}

/** More than any registry request the contracts describe; a larger body is refused (as not JSON), not buffered. */
const MAX_BODY_BYTES = 1024 * 1024;

function send(res: ServerResponse, answer: RouteAnswer): void {
  if (res.destroyed) return;
  const body = answer.html ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
  const type = answer.html !== undefined ? 'text/html' : 'json' in answer ? 'application/json' : undefined;
  res.writeHead(answer.status, {
    ...(type ? { 'content-type': type } : {}),
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * The registries' route table over plain node:http: no express, no msw, no fetch Request/Response per call.
 * The body is read only when a route asks for it. Unknown routes answer 404 NO_SUCH_ROUTE, as the msw path does.
 */
export function leanListener(routes: readonly RegistryRoute[]): RequestListener {
  const match = routeMatcher(routes);
  return (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    } catch {
      // A Host header no URL can be built on: answered here, not thrown out of the listener (which would end the process).
      return send(res, { status: 400, json: { error: 'BAD_REQUEST', detail: 'bad Host header or request target' } });
    }
    const found = match(req.method ?? 'GET', url.pathname);
    if (!found) return send(res, { status: 404, json: { error: 'NO_SUCH_ROUTE' } });
    const request: RouteRequest = {
      params: found.params,
      url,
      header: (name) => {
        const value = req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : value;
      },
      // As fetch's Request.json(): UTF-8, a leading byte order mark ignored.
      json: () =>
        readBody(req, MAX_BODY_BYTES).then((bytes) => {
          const text = bytes.toString('utf8');
          return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        }),
    };
    void answer(res, found.route, request);
  };
}

async function answer(res: ServerResponse, route: RegistryRoute, request: RouteRequest): Promise<void> {
  try {
    send(res, await route.handle(request));
  } catch (error) {
    send(res, { status: 500, json: { error: 'INTERNAL', detail: error instanceof Error ? error.message : String(error) } });
  }
}
