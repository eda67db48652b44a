/**
 * Baseline: vanilla Hive Gateway runtime with Hive Router's Rust query planner, default settings, on a
 * plain node:http server. BENCH_HIVE_DEDUP picks the de-duplication variant:
 *   off   (default) runtime defaults: inboundInflightRequestDeduplication is off; the HTTP transport's own
 *         deduplicateInflightRequests (identical in-flight subgraph fetches) keeps its default, on
 *   on    inboundInflightRequestDeduplication: true (identical in-flight client requests share one execution)
 *   none  transportEntries['*.http'].options.deduplicateInflightRequests = false as well: nothing merged
 * The one addition to the defaults: the caller's `authorization` and `x-purpose` headers are passed on to
 * the subgraphs (which authorize every read), the minimum any deployment over them needs.
 * Env: BENCH_PORT, BENCH_SUBGRAPH_URLS, NODE_ENV=production.
 */
import { createServer } from 'node:http';
import { readSupergraph } from '@egov/schema';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { FORWARDED_HEADERS, subgraphUrlsFromEnv, withSubgraphUrls } from './supergraph.js';

const mode = process.env.BENCH_HIVE_DEDUP ?? 'off';
if (!['off', 'on', 'none'].includes(mode)) throw new Error(`BENCH_HIVE_DEDUP must be off, on or none, got ${mode}`);

const runtime = createGatewayRuntime({
  supergraph: withSubgraphUrls(readSupergraph(), subgraphUrlsFromEnv()),
  unifiedGraphHandler,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => Object.fromEntries(FORWARDED_HEADERS.map((name) => [name, request.headers.get(name)])),
  },
  ...(mode === 'on' ? { inboundInflightRequestDeduplication: true } : {}),
  ...(mode === 'none' ? { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } } : {}),
});
const server = createServer(runtime);
await new Promise<void>((resolve) => server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', resolve));
process.stderr.write(`hive runtime (dedup ${mode}) listening on ${JSON.stringify(server.address())}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  server.close(() => void Promise.resolve(runtime[Symbol.asyncDispose]()).finally(() => process.exit(0)));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
