import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

interface StaleEntry {
  registry: string;
  ageSeconds: number;
}

/**
 * Subgraphs name the registries whose answers came from a stale cache entry (`extensions.stale`). This
 * carries those names into the gateway's own response, so a portal can say "as of N seconds ago" rather
 * than pass old data off as fresh.
 */
export function useStaleExtensions(): GatewayPlugin {
  const staleByRequest = new WeakMap<object, Map<string, number>>();
  return {
    onSubgraphExecute({ executionRequest }) {
      const context = executionRequest.context as object | undefined;
      if (!context) return;
      return ({ result }) => {
        if (Symbol.asyncIterator in result) return;
        const stale = result.extensions?.stale as StaleEntry[] | undefined;
        if (!Array.isArray(stale) || stale.length === 0) return;
        const seen = staleByRequest.get(context) ?? new Map<string, number>();
        for (const entry of stale) seen.set(entry.registry, Math.max(seen.get(entry.registry) ?? 0, entry.ageSeconds));
        staleByRequest.set(context, seen);
      };
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          const seen = staleByRequest.get(args.contextValue as object);
          if (!seen || Symbol.asyncIterator in result) return;
          const stale = [...seen].map(([registry, ageSeconds]) => ({ registry, ageSeconds }));
          setResult({ ...result, extensions: { ...result.extensions, stale } });
        },
      };
    },
  };
}
