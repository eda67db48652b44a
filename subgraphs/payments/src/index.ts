import { serveSubgraph } from '@egov/subgraph-kit';
import { createPaymentsSubgraph, loadConfig } from './server.js';

await serveSubgraph('payments', loadConfig, createPaymentsSubgraph);
