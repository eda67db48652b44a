import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../errors.js';

/** The one error body every HTTP answer outside GraphQL execution uses, as GraphQL errors look. */
export interface ErrorBody {
  errors: { message: string; extensions: { code: ErrorCode } & Record<string, unknown> }[];
}

export function errorBody(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): ErrorBody {
  return { errors: [{ message, extensions: { ...extensions, code } }] };
}

/** Answers with a JSON body (and its length, so keep-alive clients need no chunking). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A GraphQL-shaped error answered before execution: the client reads `extensions.code` as from any other error. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
  extensions: Record<string, unknown> = {},
): void {
  sendJson(res, status, errorBody(code, message, extensions), headers);
}

/** A failed token check: 401 UNAUTHENTICATED, or the status and code the error carries (a partner without a granted purpose: 403). */
export function sendAuthFailure(res: ServerResponse, error: unknown): void {
  const extensions = (error as { extensions?: { code?: ErrorCode; http?: { status?: number } } }).extensions;
  sendError(res, extensions?.http?.status ?? 401, extensions?.code ?? 'UNAUTHENTICATED', (error as Error).message);
}
