import type { ServerResponse } from 'node:http';
import { activeTraceId } from '../trace-id.js';

/** Answers with a JSON body (and its length, so keep-alive clients need no chunking). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * A GraphQL-shaped error answered before execution: the client reads `extensions.code` as from any other error,
 * and `extensions.traceId` (when tracing is on) to quote in a report.
 */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  extensions: Record<string, unknown> = {},
): void {
  const traceId = activeTraceId();
  sendJson(res, status, { errors: [{ message, extensions: { code, ...(traceId ? { traceId } : {}), ...extensions } }] }, headers);
}

/** A failed token check: 401 UNAUTHENTICATED, or the status and code the error carries (a partner without a granted purpose: 403). */
export function sendAuthFailure(res: ServerResponse, error: unknown): void {
  const extensions = (error as { extensions?: { code?: string; http?: { status?: number } } }).extensions;
  sendError(res, extensions?.http?.status ?? 401, extensions?.code ?? 'UNAUTHENTICATED', (error as Error).message);
}
