import { createLogger, envInt, runUntilSignal } from '@egov/core';
import { REGISTRY_NAMES, registries } from '@egov/schema';
import { MockRegistryServers } from './http.js';
import { createRegistryState } from './state.js';

// Serves the four mock registries on their usual ports (see schema/src/topology.ts), for `npm start`.
const logger = createLogger('mocks');
const state = createRegistryState({
  persons: envInt('FIXTURE_PERSONS', 2000),
  seed: envInt('FIXTURE_SEED', 20121130),
});
const ports = Object.fromEntries(REGISTRY_NAMES.map((name) => [name, envInt(registries[name].urlEnv.replace(/_URL$/, '_PORT'), registries[name].port)]));
const servers = await new MockRegistryServers({ state, ports, host: process.env.HOST ?? '127.0.0.1' }).startAll();
logger.info('mock registries listening', { ...servers.urls(), persons: state.persons.size, entities: state.entities.size });
runUntilSignal(logger, () => servers.close());
