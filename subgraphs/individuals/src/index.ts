import { serveSubgraph } from '@egov/shared';
import { createIndividualsSubgraph, loadConfig } from './server.js';

await serveSubgraph('individuals', loadConfig, createIndividualsSubgraph);
