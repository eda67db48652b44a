export { registryHealth } from './health.js';
export { AUDIT_SCHEMA, applyMigrations, migrateOnStart, schemaReadiness } from './schema-migrations.js';
export { serveSubgraph } from './serve-subgraph.js';
export { createSubgraphKit, type RegistryEndpoint, type SubgraphBaseConfig, type SubgraphKit } from './subgraph-kit.js';
export {
  createSubgraphServer,
  type RouteHandler,
  type RunningServer,
  type SubgraphOptions,
  type SubgraphServerOptions,
  type WithAuth,
  type WithStaleRecorder,
} from './subgraph-server.js';
