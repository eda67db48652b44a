import type { z } from 'zod';
import { json, type RouteAnswer, type RouteRequest } from './route.js';

type Parsed<T> = { ok: true; body: T } | { ok: false; answer: RouteAnswer };

/** Parses a JSON request body the way the real registry would: a bad request is a 400, not a crash. */
export async function parseBody<S extends z.ZodTypeAny>(request: RouteRequest, schema: S): Promise<Parsed<z.infer<S>>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, answer: badRequest('body is not JSON') };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, answer: badRequest(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)) };
  return { ok: true, body: parsed.data };
}

/** A route that takes a body of this contract shape: a body that is not JSON or breaks the shape is answered 400 before `handle` runs. */
export function withBody<S extends z.ZodTypeAny>(
  schema: S,
  handle: (body: z.infer<S>, request: RouteRequest) => RouteAnswer,
): (request: RouteRequest) => Promise<RouteAnswer> {
  return async (request) => {
    const parsed = await parseBody(request, schema);
    return parsed.ok ? handle(parsed.body, request) : parsed.answer;
  };
}

/** A batch lookup as the registries answer it: each id once, in the order asked, found or missing. */
export function lookUp<V>(ids: readonly string[], records: ReadonlyMap<string, V>): { found: V[]; missing: string[] } {
  const found: V[] = [];
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const record = records.get(id);
    if (record) found.push(record);
    else missing.push(id);
  }
  return { found, missing };
}

export const badRequest = (detail: string | string[]) => json({ error: 'BAD_REQUEST', detail }, 400);
export const notFound = () => json({ error: 'NOT_FOUND' }, 404);
export const badId = () => badRequest('id must be 12 digits');
export const isTwelveDigits = (value: unknown): value is string => typeof value === 'string' && /^\d{12}$/.test(value);

/** msw path for a contract path: any origin, so the same handlers serve tests and local servers. */
export const anyOrigin = (path: string) => `*${path}`;
