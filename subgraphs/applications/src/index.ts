// Tracing starts before anything else is loaded (it does nothing unless an OTLP endpoint is configured):
// its module hook must see http, pg and ioredis being imported, so the rest is imported after it.
import { startTracing } from '@egov/telemetry/sdk';

await startTracing('applications', 'subgraph');
const { serveSubgraph } = await import('@egov/subgraph-kit');
const { createApplicationsSubgraph, loadConfig } = await import('./server.js');

await serveSubgraph('applications', loadConfig, createApplicationsSubgraph);
