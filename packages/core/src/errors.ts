import { REGISTRIES, type RegistryName } from '@egov/contracts';
import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';

/** Every GraphQL error we raise carries one of these in `extensions.code`. */
export const ErrorCode = {
  INVALID_IIN: 'INVALID_IIN',
  INVALID_BIN: 'INVALID_BIN',
  INVALID_APPLICANT_ID: 'INVALID_APPLICANT_ID',
  INVALID_DATE: 'INVALID_DATE',
  INVALID_MONEY: 'INVALID_MONEY',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  /** The service or action takes no payment through ПШЭП (free, or paid to a bank by contract). */
  NOT_PAYABLE: 'NOT_PAYABLE',
  /** No configured rate covers this fee, so no amount can be asked. */
  FEE_AMOUNT_UNKNOWN: 'FEE_AMOUNT_UNKNOWN',
  /** The same idempotency key came with a different request. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** A request with this idempotency key is still running; retry with the same key. */
  IDEMPOTENCY_IN_PROGRESS: 'IDEMPOTENCY_IN_PROGRESS',
  /** A signature (ЭЦП) did not verify or its certificate is not acceptable; `reason` says which check failed. */
  SIGNATURE_REJECTED: 'SIGNATURE_REJECTED',
  /** The client sent more requests than its limit allows; `retryAfterSeconds` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  REGISTRY_UNAVAILABLE: 'REGISTRY_UNAVAILABLE',
  REGISTRY_TIMEOUT: 'REGISTRY_TIMEOUT',
  REGISTRY_BAD_RESPONSE: 'REGISTRY_BAD_RESPONSE',
  /**
   * A decision on an application submitted while a registry was down, before the registry has been read again and
   * the comparison recorded (`registries` names them); decide after the re-read (Application.registryCheck).
   */
  REGISTRY_CHECK_PENDING: 'REGISTRY_CHECK_PENDING',
  /** No (valid) credentials: a missing, expired, forged or wrong-audience token. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller is known but may not read or do this. */
  FORBIDDEN: 'FORBIDDEN',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The access could not be written to the audit trail, so no personal data was returned; retry. */
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  /** The database is unreachable or refusing work for a moment (HTTP 503); retry, with the same idempotency key. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** The service is at capacity and did not start this request (HTTP 503); retry shortly, with the same idempotency key. */
  OVERLOADED: 'OVERLOADED',
  /** A partner request without an X-Purpose header, or with a purpose its grant does not hold. */
  PURPOSE_REQUIRED: 'PURPOSE_REQUIRED',
  PURPOSE_NOT_ALLOWED: 'PURPOSE_NOT_ALLOWED',
  /**
   * A partner asked for a person's data for a purpose no law exempts, and the person has no valid consent
   * (granted, not withdrawn, within its period, for this purpose, covering the field) in the access control service.
   */
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',

  // HTTP-level refusals, answered before any GraphQL runs (same body shape as every other error).
  /** The request is not readable as GraphQL over HTTP (bad JSON, wrong shape). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A POST that does not declare its length (chunked): the size must be judged before reading. */
  LENGTH_REQUIRED: 'LENGTH_REQUIRED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',

  // A part of the graph behind the gateway failed; the rest of the answer still arrives.
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** The gateway could not hand an upload to the service that stores scans; nothing was stored. */
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',

  // Scan uploads, per file.
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** A scan that carries active content (PDF JavaScript, actions, embedded files; HTML or script in an image); `reason` says what. */
  ACTIVE_CONTENT: 'ACTIVE_CONTENT',
  EMPTY_FILE: 'EMPTY_FILE',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  TRUNCATED_FILE: 'TRUNCATED_FILE',
  BAD_DOCUMENT_ID: 'BAD_DOCUMENT_ID',
  TOO_MANY_FILES: 'TOO_MANY_FILES',
  BAD_MULTIPART: 'BAD_MULTIPART',
  NO_FILE: 'NO_FILE',
  STORAGE_FAILED: 'STORAGE_FAILED',

  // GraphQL's own request errors, passed through as the server raised them.
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** The caller's kind may run only the persisted (allowlisted) operations, by id. */
  PERSISTED_QUERY_ONLY: 'PERSISTED_QUERY_ONLY',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function graphqlError(code: ErrorCode, message: string, extensions: GraphQLErrorExtensions = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/**
 * A valid id that the registry does not hold. The id itself stays out of the message: messages end up
 * in logs and traces, and the caller already knows what it asked for.
 */
export function notFound(what: string, registry: RegistryName): GraphQLError {
  return graphqlError(ErrorCode.NOT_FOUND, `No ${what} with this id in ${REGISTRIES[registry].title}`, { registry });
}

export function codeOf(error: unknown): string | undefined {
  if (error instanceof GraphQLError) return error.extensions.code as string | undefined;
  return undefined;
}
