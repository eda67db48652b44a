import { createLogger, envInt, httpSettingsFromEnv, runUntilSignal } from '@egov/core';
import { devIdentity, REGISTRY_NAMES, registries } from '@egov/schema';
import { startDevIdentity } from './dev-identity/server.js';
import { MockRegistryServers } from './http.js';
import { createRegistryState } from './state.js';

// Serves the four mock registries and the consents service on their usual ports (see schema/src/topology.ts), for `npm start`,
// and the portal's development sign-in and test-key signer beside them.
const logger = createLogger('mocks');
const http = httpSettingsFromEnv();
const state = createRegistryState({
  persons: envInt('FIXTURE_PERSONS', 2000),
  seed: envInt('FIXTURE_SEED', 20121130),
});
const ports = Object.fromEntries(REGISTRY_NAMES.map((name) => [name, envInt(registries[name].urlEnv.replace(/_URL$/, '_PORT'), registries[name].port)]));
const servers = await new MockRegistryServers({ state, ports, host: process.env.HOST ?? '127.0.0.1', http }).startAll();
logger.info('mock registries listening', { ...servers.urls(), persons: state.persons.size, entities: state.entities.size });
const identity = await startDevIdentity({ state, port: envInt(devIdentity.portEnv, devIdentity.port), host: process.env.HOST ?? '127.0.0.1', http });
logger.info('test identity provider and test-key signer listening (development only)', { authorize: identity.authorizeUrl, sign: identity.signUrl });
// Like every process of the graph: stop accepting, let requests in flight finish, then exit.
runUntilSignal(
  logger,
  async () => {
    await Promise.all([identity.close(), servers.drain()]);
  },
  { graceMs: http.shutdownGraceMs },
);
