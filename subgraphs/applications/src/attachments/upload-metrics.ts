import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestAuth } from '@egov/security';
import type { ProcessMetrics, UploadOutcome } from '@egov/telemetry';

type Route = (req: IncomingMessage, res: ServerResponse, auth: RequestAuth) => Promise<void>;

const OUTCOME_OF: Record<string, UploadOutcome> = {
  FILE_TOO_LARGE: 'too_large',
  PAYLOAD_TOO_LARGE: 'too_large',
  TOO_MANY_FILES: 'too_many_files',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
  TRUNCATED_FILE: 'unsupported_media_type',
  ACTIVE_CONTENT: 'active_content',
  STORAGE_FAILED: 'storage_failed',
  UNAUTHENTICATED: 'unauthorized',
  FORBIDDEN: 'unauthorized',
};

/**
 * egov_uploads_total: counts what the upload route answered, read from its answer rather than from inside it:
 * each stored scan is `accepted`; each error it lists counts once by its code (one per bad file, or one for a
 * request refused as a whole). Kept outside the route so the route's rules can change without the metric
 * drifting from what clients were told.
 */
export function countUploads(route: Route, metrics: ProcessMetrics | undefined): Route {
  if (!metrics) return route;
  return async (req, res, auth) => {
    const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      count(metrics, res.statusCode, chunk);
      return end(chunk, ...rest);
    }) as ServerResponse['end'];
    await route(req, res, auth);
  };
}

function count(metrics: ProcessMetrics, status: number, chunk: unknown): void {
  let body: { attachments?: unknown[]; errors?: { code?: string; extensions?: { code?: string } }[] } = {};
  try {
    body = JSON.parse(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '{}');
  } catch {
    // not JSON: counted by its status below
  }
  if (status < 300) return metrics.upload('accepted', body.attachments?.length ?? 1);
  const codes = (body.errors ?? []).map((e) => e.code ?? e.extensions?.code ?? '');
  if (codes.length === 0) return metrics.upload(status === 401 || status === 403 ? 'unauthorized' : status === 413 ? 'too_large' : 'bad_request');
  for (const code of codes) metrics.upload(OUTCOME_OF[code] ?? 'bad_request');
}
