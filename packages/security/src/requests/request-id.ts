import { randomBytes } from 'node:crypto';

/**
 * What a request id from outside may look like to be kept: a short token of letters, digits, '-' and
 * '_'. Anything else (markup, controls, very long text) is never stored, echoed or logged; it is replaced.
 */
export const SAFE_REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A fresh request id (16 url-safe characters). */
export function newRequestId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * The request id to use for a request: the caller's `x-request-id` when it is safe (so a trace follows a
 * request through the gateway and the subgraphs), else a fresh one. The same rule at every entry.
 */
export function requestIdFrom(header: string | readonly string[] | null | undefined): string {
  const value = Array.isArray(header) ? undefined : (header as string | null | undefined);
  return value && SAFE_REQUEST_ID.test(value) ? value : newRequestId();
}
