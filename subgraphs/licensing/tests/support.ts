import { startSubgraph } from '@egov/mocks/testing';
import { createLicensingSubgraph } from '../src/server.js';

/** The licensing subgraph on a free port, with its own database; registries are whatever msw serves. */
export const startLicensing = () => startSubgraph('licensing', (base, registry) => createLicensingSubgraph({ ...base, registry }));
