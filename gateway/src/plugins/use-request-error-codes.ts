import { ErrorCode } from '@egov/core';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';

/** The code an HTTP-level refusal without one gets, by its status. */
const CODE_BY_STATUS: Record<number, string> = {
  405: ErrorCode.METHOD_NOT_ALLOWED,
  411: ErrorCode.LENGTH_REQUIRED,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
};

/**
 * A request the runtime cannot read is the client's fault, and every refusal carries a code:
 * - GET parameters that are not JSON (or not percent-encoded properly) made Yoga's parser throw a bare
 *   SyntaxError, answered 500 "Unexpected error."; it is 400 BAD_REQUEST;
 * - Yoga's own refusals (a request without the CSRF header, 403) come without `extensions.code`; they get
 *   the code for their status (BAD_REQUEST for any other 4xx).
 */
export function useRequestErrorCodes(): GatewayPlugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (error instanceof GraphQLError) throw error;
          throw new GraphQLError('The request is not readable as GraphQL over HTTP (query, variables and extensions must be valid JSON)', {
            extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
          });
        }
      });
    },
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.some((e) => !e.extensions?.code)) return;
      setResult({
        ...result,
        errors: result.errors.map((error) => {
          if (error.extensions?.code) return error;
          const status = (error.extensions?.http as { status?: number } | undefined)?.status ?? 0;
          if (status < 400 || status >= 500) return error;
          return new GraphQLError(error.message, {
            extensions: { ...error.extensions, code: CODE_BY_STATUS[status] ?? ErrorCode.BAD_REQUEST },
          });
        }),
      });
    },
  };
}
