import { type HttpHandler, HttpResponse, http, type JsonBodyType } from 'msw';
import { anyOrigin } from './respond.js';
import type { RegistryRoute, RouteAnswer } from './route.js';

const byMethod = { GET: http.get, POST: http.post, PUT: http.put } as const;

/** A route table as msw handlers, in the table's order (the first match answers, as on the lean server). */
export function toMswHandlers(routes: readonly RegistryRoute[]): HttpHandler[] {
  return routes.map((route) =>
    byMethod[route.method](anyOrigin(route.path), async ({ request, params }) => {
      const answer = await route.handle({
        params: Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)])),
        url: new URL(request.url),
        header: (name) => request.headers.get(name) ?? undefined,
        json: () => request.json(),
      });
      return toResponse(answer);
    }),
  );
}

export function toResponse(answer: RouteAnswer): Response {
  if (answer.html !== undefined) return HttpResponse.html(answer.html, { status: answer.status });
  if ('json' in answer) return HttpResponse.json(answer.json as JsonBodyType, { status: answer.status });
  return new HttpResponse(null, { status: answer.status });
}
