/**
 * Baseline: vanilla @apollo/gateway on @apollo/server (standalone), defaults, over the same supergraph
 * with the session's subgraph URLs. Two additions, the minimum any deployment over these subgraphs needs:
 * the caller's `authorization` and `x-purpose` headers are passed on (the subgraphs authorize every read),
 * and the supergraph's SECURITY @link purposes are dropped (see withoutSecurityPurpose), which this gateway
 * would otherwise refuse to load.
 * Env: BENCH_PORT, BENCH_SUBGRAPH_URLS, NODE_ENV=production.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readSupergraph } from '@egov/schema';
import { FORWARDED_HEADERS, subgraphUrlsFromEnv, withoutSecurityPurpose, withSubgraphUrls } from './supergraph.js';

interface Context {
  headers: IncomingHttpHeaders;
}

const gateway = new ApolloGateway({
  supergraphSdl: withoutSecurityPurpose(withSubgraphUrls(readSupergraph(), subgraphUrlsFromEnv())),
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource<Context>({
      url,
      willSendRequest({ request, context }) {
        for (const name of FORWARDED_HEADERS) {
          const value = context.headers?.[name];
          if (typeof value === 'string') request.http?.headers.set(name, value);
        }
      },
    }),
});
const server = new ApolloServer<Context>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.BENCH_PORT ?? 0), host: '127.0.0.1' },
  context: async ({ req }) => ({ headers: req.headers }),
});
process.stderr.write(`apollo gateway listening on ${url}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.stop().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
