import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/**
 * Each subgraph call gets a deadline, and a subgraph that cannot be reached or misses it becomes a typed
 * GraphQL error on exactly the fields it owns (SUBGRAPH_UNAVAILABLE, SUBGRAPH_TIMEOUT, naming the
 * subgraph), rather than the runtime's masked "Unexpected error." or a timeout error that echoes the
 * subgraph request, variables included, back to the caller. Clients retry on these codes; the rest of the
 * answer still arrives.
 *
 * The deadline is kept here, on the fetch, rather than with the runtime's upstreamTimeout: one timer per
 * call is cheaper than combining abort signals, and the failure is then ours to describe.
 */
export function useSubgraphFailures(options: { subgraphUrls: Record<string, string>; timeoutMs: number }): GatewayPlugin {
  const nameOf = new Map(Object.entries(options.subgraphUrls).map(([name, url]) => [url, name]));
  return {
    onFetch({ url, fetchFn, setFetchFn }) {
      const subgraph = nameOf.get(url);
      if (!subgraph) return;
      setFetchFn(async (input, init, ...rest) => {
        const deadline = new AbortController();
        const timer = setTimeout(() => deadline.abort(new DOMException('subgraph deadline', 'TimeoutError')), options.timeoutMs);
        const caller = init?.signal;
        const forward = () => deadline.abort(caller?.reason);
        caller?.addEventListener('abort', forward, { once: true });
        try {
          return await fetchFn(input, { ...init, signal: deadline.signal }, ...rest);
        } catch (error) {
          if (caller?.aborted) throw error; // the client went away: nothing to tell it
          const timedOut = deadline.signal.aborted;
          const failure = timedOut
            ? { message: `The ${subgraph} service did not answer in time; try again`, extensions: { code: 'SUBGRAPH_TIMEOUT', subgraph } }
            : { message: `The ${subgraph} service is unavailable; try again shortly`, extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph } };
          return Response.json({ errors: [failure] }, { status: 200 });
        } finally {
          clearTimeout(timer);
          caller?.removeEventListener('abort', forward);
        }
      });
    },
  };
}
