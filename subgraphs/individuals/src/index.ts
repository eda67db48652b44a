import { serveSubgraph } from '@egov/subgraph-kit';
import { createIndividualsSubgraph, loadConfig } from './server.js';

await serveSubgraph('individuals', loadConfig, createIndividualsSubgraph);
