import { HttpResponse } from 'msw';
import type { z } from 'zod';

/** Parses a JSON request body the way the real registry would: a bad request is a 400, not a crash. */
export async function parseBody<S extends z.ZodTypeAny>(request: Request, schema: S): Promise<z.infer<S> | Response> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return HttpResponse.json({ error: 'BAD_REQUEST', detail: 'body is not JSON' }, { status: 400 });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return HttpResponse.json({ error: 'BAD_REQUEST', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, { status: 400 });
  }
  return parsed.data;
}

export const notFound = () => HttpResponse.json({ error: 'NOT_FOUND' }, { status: 404 });
export const badId = () => HttpResponse.json({ error: 'BAD_REQUEST', detail: 'id must be 12 digits' }, { status: 400 });
export const isTwelveDigits = (value: unknown): value is string => typeof value === 'string' && /^\d{12}$/.test(value);

/** msw path for a contract path: any origin, so the same handlers serve tests and local servers. */
export const anyOrigin = (path: string) => `*${path}`;
