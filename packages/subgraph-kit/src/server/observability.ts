import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLOutcome, ProcessMetrics } from '@egov/telemetry';

/**
 * egov_graphql_requests_total and egov_graphql_request_duration_seconds for a subgraph: one count per operation
 * by its bounded name, `invalid` when it was refused before execution (parse, validation), `error` when it
 * was answered with at least one error.
 */
export function graphqlMetricsPlugin<Ctx extends BaseContext>(metrics: ProcessMetrics): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ request, response, operationName }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors?.length ?? 0) : 0;
          const outcome: GraphQLOutcome = errors === 0 ? 'ok' : executed ? 'error' : 'invalid';
          // The document's own name when the request gave none (Apollo resolves it once parsed).
          metrics.graphqlRequest(metrics.operation(operationName ?? request.operationName), outcome, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
