import { setupServer } from 'msw/node';
import type { FixtureOptions, FixtureSet } from './fixtures/index.js';
import { createHandlers } from './handlers.js';
import { createRegistryState, type RegistryState } from './state.js';

/**
 * All four registries intercepted in this process (for vitest). Call `server.listen()` in beforeAll,
 * `server.resetHandlers()` in afterEach and `server.close()` in afterAll.
 */
export function createMockRegistries(fixtures: FixtureSet | FixtureOptions | RegistryState = {}) {
  const state = fixtures instanceof Object && 'journal' in fixtures ? fixtures : createRegistryState(fixtures);
  const server = setupServer(...createHandlers(state));
  return { state, server, fixtures: state.fixtures };
}
