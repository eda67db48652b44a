import { ErrorCode, graphqlError } from '@egov/core';

/**
 * SQLSTATEs that say the database, not the statement, is the problem: the connection is gone (class 08),
 * the server is shutting down, crashed or still starting (57P01-57P03), it has no room for another client
 * (53300) or gave up on a statement that waited too long (57014, our statement_timeout; 55P03, a lock
 * timeout). The same statement may well succeed a moment later.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '53400', '57014', '55P03']);

/** Socket failures on the way to the server (refused while it restarts, reset when it stops). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/**
 * What node-postgres says when a connection dies under a query, cannot be made in time, or was already
 * broken when it was used: these come as plain Errors without a code.
 */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /is not queryable$/,
  /^Query read timeout$/,
  /^Connection ended unexpectedly/,
];

/** Whether `error` (or what it wraps) says the database is unreachable or refusing work for now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (code.startsWith('08') && code.length === 5) return true;
    if (UNAVAILABLE_SQLSTATES.has(code) || SOCKET_CODES.has(code)) return true;
    if (typeof e.message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(e!.message as string))) return true;
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    e = (e.originalError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return false;
}

/**
 * The typed, retryable answer while the database is away. The message promises nothing about what was
 * done: a commit whose acknowledgement was lost did happen, which is why retries carry idempotency keys.
 */
export function databaseUnavailable(): ReturnType<typeof graphqlError> {
  return graphqlError(ErrorCode.DATABASE_UNAVAILABLE, 'The database is unavailable for a moment; retry shortly (a submission with the same idempotency key)', {
    retryable: true,
  });
}
