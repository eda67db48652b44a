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
  /** No (valid) credentials: a missing, expired, forged or wrong-audience token. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller is known but may not read or do this. */
  FORBIDDEN: 'FORBIDDEN',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
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
