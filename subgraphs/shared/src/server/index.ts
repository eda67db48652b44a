export { createSubgraphServer, type RouteHandler, type RunningServer, type SubgraphServer, type SubgraphServerOptions, type SubgraphOptions, type WithStaleRecorder, type WithAuth } from './subgraph-server.js';
export { readBody, BodyTooLargeError } from './http-body.js';
export { runUntilSignal } from './run-until-signal.js';
export { registryHealth } from './health.js';
export { createSubgraphKit, type SubgraphKit, type SubgraphBaseConfig, type RegistryEndpoint } from './subgraph-kit.js';
export { sendAuthFailure, sendError, sendJson } from './json-reply.js';
export { serveSubgraph } from './serve-subgraph.js';
