import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** Codes that mean "not now" (a store behind the graph is away, a service is at capacity): retry shortly. */
const UNAVAILABLE = new Set(['DATABASE_UNAVAILABLE', 'OVERLOADED']);

/**
 * An answer with no data at all because a subgraph's database is away is HTTP 503 with Retry-After, as the
 * subgraph itself answers it, rather than 200: load balancers, monitors and clients then see the outage and
 * retry. An answer with some data stays 200 (the fields that could be answered are worth having). Yoga
 * reads `extensions.http` for the status and strips it from the body.
 */
export function useUnavailableStatus(): GatewayPlugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || !result.errors?.length) return;
          const data = result.data as Record<string, unknown> | null | undefined;
          const noData = data === null || data === undefined || Object.values(data).every((value) => value === null);
          if (!noData || !result.errors.some((error) => UNAVAILABLE.has(String(error.extensions?.code)))) return;
          setResult({ ...result, extensions: { ...result.extensions, http: { status: 503, headers: { 'retry-after': '1' } } } });
        },
      };
    },
  };
}
