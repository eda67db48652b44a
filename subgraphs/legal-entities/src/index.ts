import { serveSubgraph } from '@egov/shared';
import { createLegalEntitiesSubgraph, loadConfig } from './server.js';

await serveSubgraph('legal-entities', loadConfig, createLegalEntitiesSubgraph);
