import { serveSubgraph } from '@egov/shared';
import { createLicensingSubgraph, loadConfig } from './server.js';

await serveSubgraph('licensing', loadConfig, createLicensingSubgraph);
