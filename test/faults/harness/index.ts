export { settledStrayFiles, strayFiles } from './files.js';
export { type FaultGraph, type FaultGraphOptions, Part, startFaultGraph } from './graph.js';
export { PARTS, type Part as PartSpec, type PartName, SUBGRAPH_PARTS, SUBMISSIONS, type SubgraphPart } from './parts.js';
export { type PostgresServer, startPostgres } from './postgres.js';
export { type Exit, type LogLine, ManagedProcess, waitHealthy } from './processes.js';
export { connects, type RawOutcome, rawExchange, type Step } from './raw-http.js';
export { type RedisServer, startRedis } from './redis.js';
export { RoundRobinService } from './service.js';
export * from './submissions.js';
