import { serveSubgraph } from '@egov/subgraph-kit';
import { createLegalEntitiesSubgraph, loadConfig } from './server.js';

await serveSubgraph('legal-entities', loadConfig, createLegalEntitiesSubgraph);
