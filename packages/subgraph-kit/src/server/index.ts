export { createSubgraphServer, type RouteHandler, type RunningServer, type SubgraphServer, type SubgraphServerOptions, type SubgraphOptions, type WithStaleRecorder, type WithAuth } from './subgraph-server.js';
export { registryHealth } from './health.js';
export { createSubgraphKit, type SubgraphKit, type SubgraphBaseConfig, type RegistryEndpoint } from './subgraph-kit.js';
export { serveSubgraph } from './serve-subgraph.js';
