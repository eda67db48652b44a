import { ErrorCode } from '@egov/core';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';

/** graphql-js's words for a variable it could not coerce: a value outside an enum, the wrong type, a missing one. */
const VARIABLE_ERROR = /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/;

/**
 * Every error a client gets carries `extensions.code` (docs/security.md, Inputs). The subgraphs code variable
 * coercion errors themselves, but the gateway coerces variables against the supergraph before any subgraph is
 * asked, and graphql-js leaves those errors without a code (`role: "HEAD\u0000"` for a `ParticipantRole`).
 * They are the client's bad input: `BAD_USER_INPUT`.
 */
export function useTypedVariableErrors(): GatewayPlugin {
  return {
    onExecutionResult({ result, setResult }) {
      if (!result || Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      if (!result.errors.some((e) => e.extensions?.code === undefined && VARIABLE_ERROR.test(e.message))) return;
      const errors = result.errors.map((e) =>
        e.extensions?.code === undefined && VARIABLE_ERROR.test(e.message)
          ? new GraphQLError(e.message, {
              nodes: e.nodes,
              source: e.source,
              positions: e.positions,
              path: e.path,
              originalError: e.originalError,
              extensions: { ...e.extensions, code: ErrorCode.BAD_USER_INPUT },
            })
          : e,
      );
      setResult({ ...result, errors });
    },
  };
}
