import { serveSubgraph } from '@egov/shared';
import { createPaymentsSubgraph, loadConfig } from './server.js';

await serveSubgraph('payments', loadConfig, createPaymentsSubgraph);
