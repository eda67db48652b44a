import { serveSubgraph } from '@egov/subgraph-kit';
import { createApplicationsSubgraph, loadConfig } from './server.js';

await serveSubgraph('applications', loadConfig, createApplicationsSubgraph);
