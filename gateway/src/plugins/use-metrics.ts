import type { GraphQLOutcome, ProcessMetrics, SubgraphOutcome } from '@egov/telemetry';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type DocumentNode, type ExecutionResult, getOperationAST } from 'graphql';

export interface MetricsOptions {
  metrics: ProcessMetrics;
  /** The subgraphs the gateway calls: their series exist from start. */
  subgraphs: readonly string[];
}

interface OperationState {
  started: number;
  /** Set once the request turned out to be GraphQL (its parameters were read). */
  graphql: boolean;
  /** The operation's name as sent or, when the client sent none, as the document names it. */
  name: string | null | undefined;
  persisted: boolean;
  executed: boolean;
  errors: number;
}

/** Errors that mean the subgraph gave no usable answer (our deadline, a refused connection, a non-2xx answer). */
const FAILED_CODES = new Set(['SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT', 'DOWNSTREAM_SERVICE_ERROR']);

/**
 * The gateway's GraphQL metrics (deploy/METRICS.md): each operation by its bounded name and outcome, its time
 * from request to response, and each subgraph fetch by outcome and duration. HTTP counts (every route and
 * status, the rate limit's 429s) are taken at the node:http server, where every answer passes.
 *
 * Our own prom-client metrics rather than @graphql-mesh/plugin-prometheus: the names, labels and outcomes are
 * the contract shared with the subgraphs, the dashboard and the alerts, and the plugin's defaults label by URL
 * and client-chosen operation name (an IIN in a GET query string became a label value).
 */
export function useMetrics(options: MetricsOptions): GatewayPlugin {
  const { metrics } = options;
  metrics.gatewaySeries(options.subgraphs);
  const states = new WeakMap<Request, OperationState>();
  const stateOf = (request: Request | undefined) => (request ? states.get(request) : undefined);
  return {
    onRequest({ request }) {
      states.set(request, { started: performance.now(), graphql: false, name: undefined, persisted: false, executed: false, errors: 0 });
    },
    onParams({ request, params }) {
      const state = states.get(request);
      if (!state) return;
      state.graphql = true;
      state.name = params.operationName;
      state.persisted = Boolean((params.extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery);
    },
    onParse({ context }) {
      const state = stateOf((context as { request?: Request }).request);
      if (!state || state.name) return;
      return ({ result }) => {
        if (result && typeof result === 'object' && 'kind' in result) state.name = getOperationAST(result as DocumentNode)?.name?.value;
      };
    },
    onExecute({ args }) {
      const state = stateOf((args.contextValue as { request?: Request }).request);
      if (state) state.executed = true;
    },
    onResultProcess({ request, result }) {
      const state = states.get(request);
      if (!state) return;
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      state.errors += results.reduce((n, r) => n + (r?.errors?.length ?? 0), 0);
    },
    onResponse({ request }) {
      const state = states.get(request);
      if (!state?.graphql) return; // not a GraphQL request (health, pages, refused at the door)
      const outcome: GraphQLOutcome = !state.executed ? (state.errors > 0 ? 'invalid' : 'ok') : state.errors > 0 ? 'error' : 'ok';
      metrics.graphqlRequest(metrics.operation(state.name, state.persisted), outcome, (performance.now() - state.started) / 1000);
    },
    onSubgraphExecute({ subgraphName }) {
      const started = performance.now();
      return ({ result }) => {
        const errors = (result as ExecutionResult | undefined)?.errors ?? [];
        const outcome: SubgraphOutcome =
          result === undefined || errors.some((e) => FAILED_CODES.has(String(e.extensions?.code))) ? 'failed' : errors.length > 0 ? 'error' : 'ok';
        metrics.subgraphRequest(subgraphName, outcome, (performance.now() - started) / 1000);
      };
    },
  };
}
