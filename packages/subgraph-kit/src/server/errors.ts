import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { activeTraceId, ErrorCode, type Logger } from '@egov/core';
import { databaseUnavailable, isDatabaseUnavailable } from '@egov/stores';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Codes a client may see as raised: ours, and GraphQL's own request errors. Never INTERNAL_SERVER_ERROR. */
const OURS = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));
/** GraphQL's own wrappers: a code of ours inside one (a scalar refusing a literal) is the one a client acts on. */
const GRAPHQL_CODES = new Set<string>([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
  ErrorCode.BAD_REQUEST,
]);

type Chain = { originalError?: unknown; extensions?: Record<string, unknown> } | undefined;

/** The first code of ours raised deliberately anywhere down the error's chain (a GraphQLError we threw). */
function deliberateCode(error: unknown): string | undefined {
  for (let e = error as Chain; e; e = e.originalError as Chain) {
    const code = e.extensions?.code;
    if (e instanceof GraphQLError && typeof code === 'string' && OURS.has(code) && !GRAPHQL_CODES.has(code)) return code;
  }
  return undefined;
}

/** What a request error says when the words underneath are not GraphQL's own. */
const REQUEST_ERROR_MESSAGES: Record<string, string> = {
  [ErrorCode.GRAPHQL_PARSE_FAILED]: 'The query could not be parsed',
  [ErrorCode.GRAPHQL_VALIDATION_FAILED]: 'The query is not valid against the schema',
  [ErrorCode.BAD_USER_INPUT]: 'A variable or argument is not valid',
  [ErrorCode.BAD_REQUEST]: 'The request is not a valid GraphQL request',
};

/** Whether nothing but GraphQL errors sits under this one, so its message describes the request, not us. */
function describesRequest(error: unknown): boolean {
  for (let e = (error as Chain)?.originalError as Chain; e; e = e.originalError as Chain) if (!(e instanceof GraphQLError)) return false;
  return true;
}

/**
 * Only errors we raised on purpose reach the client as raised (with their code), and GraphQL's own
 * request errors; a database that is away is the typed, retryable DATABASE_UNAVAILABLE. Anything else is
 * a bug whose message may carry internals (SQL, paths, library wording): the client gets a generic
 * INTERNAL_SERVER_ERROR and the log gets the detail.
 */
export function formatErrorFor(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => withTraceId(answerFor(formatted, error));

  function answerFor(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const { stacktrace: _drop, ...rest } = formatted.extensions ?? {};
    const code = deliberateCode(error);
    if (code) return { ...formatted, extensions: { ...rest, code } };
    const cause = (error as { originalError?: unknown })?.originalError ?? error;
    const requestCode = String(formatted.extensions?.code ?? '');
    if (GRAPHQL_CODES.has(requestCode)) {
      if (describesRequest(error)) return { ...formatted, extensions: { ...rest, code: requestCode } };
      // Still the request's fault (a query nested past the parser's stack, say), in words of our own.
      logger.warn('request refused', { code: requestCode, error: cause });
      const message = REQUEST_ERROR_MESSAGES[requestCode] ?? 'The request could not be handled';
      return { message, path: formatted.path, locations: formatted.locations, extensions: { code: requestCode } };
    }
    if (isDatabaseUnavailable(cause)) {
      logger.warn('database unavailable', { path: formatted.path, error: cause });
      const { message, extensions } = databaseUnavailable();
      return { message, path: formatted.path, locations: formatted.locations, extensions };
    }
    logger.error('unexpected error while resolving', { path: formatted.path, error: cause });
    return { message: 'Internal error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
}

/** Every error names the trace it belongs to (when tracing is on), so an operator finds it from a client's report. */
function withTraceId(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const traceId = activeTraceId();
  return traceId ? { ...formatted, extensions: { ...formatted.extensions, traceId } } : formatted;
}

/** Codes that mean "not now": the request was not done and may be retried shortly. */
const UNAVAILABLE = new Set<string>([ErrorCode.DATABASE_UNAVAILABLE, ErrorCode.OVERLOADED]);

/**
 * An answer with no data at all because the database is away (or the service is at capacity) is HTTP 503
 * with Retry-After, so proxies,
 * the gateway and clients treat it as the retryable outage it is. An answer with some data stays 200: the
 * fields that could be answered are worth having.
 */
export function markUnavailable(response: GraphQLRequestContextWillSendResponse<object>['response']): void {
  if (response.body.kind !== 'single') return;
  const { data, errors } = response.body.singleResult;
  const noData = data === null || data === undefined || Object.values(data).every((value) => value === null);
  if (noData && errors?.some((e) => UNAVAILABLE.has(String(e.extensions?.code)))) {
    response.http.status = 503;
    response.http.headers.set('retry-after', '1');
  }
}

/** The code for personal data that could not be recorded in the audit trail (so none is returned). */
export function auditFailureCode(error: unknown): typeof ErrorCode.DATABASE_UNAVAILABLE | typeof ErrorCode.AUDIT_UNAVAILABLE {
  return isDatabaseUnavailable(error) ? ErrorCode.DATABASE_UNAVAILABLE : ErrorCode.AUDIT_UNAVAILABLE;
}
