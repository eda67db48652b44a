import { serveSubgraph } from '@egov/subgraph-kit';
import { createLicensingSubgraph, loadConfig } from './server.js';

await serveSubgraph('licensing', loadConfig, createLicensingSubgraph);
