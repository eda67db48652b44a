export { PARTS, SUBGRAPH_PARTS, SUBMISSIONS, type Part as PartSpec, type PartName } from './parts.js';
export { startFaultGraph, Part, type FaultGraph, type FaultGraphOptions } from './graph.js';
export { ManagedProcess, waitHealthy, type Exit, type LogLine } from './processes.js';
export { startRedis, type RedisServer } from './redis.js';
export { startPostgres, type PostgresServer } from './postgres.js';
export { rawExchange, connects, type RawOutcome, type Step } from './raw-http.js';
export { strayFiles, settledStrayFiles } from './files.js';
export { RoundRobinService } from './service.js';
export * from './submissions.js';
