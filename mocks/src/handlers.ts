import type { RegistryName } from '@egov/contracts';
import type { RequestHandler } from 'msw';
import { consentsRoutes } from './handlers/consents.js';
import { individualsRoutes } from './handlers/individuals.js';
import { legalEntitiesRoutes } from './handlers/legal-entities.js';
import { licensingRoutes } from './handlers/licensing.js';
import { paymentsRoutes } from './handlers/payments.js';
import type { RegistryRoute } from './handlers/route.js';
import { toMswHandlers } from './handlers/to-msw.js';
import type { RegistryState } from './state.js';

const routesByRegistry: Record<RegistryName, (state: RegistryState) => RegistryRoute[]> = {
  individuals: individualsRoutes,
  'legal-entities': legalEntitiesRoutes,
  payments: paymentsRoutes,
  licensing: licensingRoutes,
  consents: consentsRoutes,
};

/** The route table of one registry over this state: what both the msw handlers and the lean HTTP server answer from. */
export function registryRoutes(registry: RegistryName, state: RegistryState): RegistryRoute[] {
  return routesByRegistry[registry](state);
}

export const individualsHandlers = (state: RegistryState) => toMswHandlers(individualsRoutes(state));
export const legalEntitiesHandlers = (state: RegistryState) => toMswHandlers(legalEntitiesRoutes(state));
export const paymentsHandlers = (state: RegistryState) => toMswHandlers(paymentsRoutes(state));
export const licensingHandlers = (state: RegistryState) => toMswHandlers(licensingRoutes(state));
export const consentsHandlers = (state: RegistryState) => toMswHandlers(consentsRoutes(state));

/** Happy-path handlers of one registry. Failures are per-test overrides (see scenarios). */
export function registryHandlers(registry: RegistryName, state: RegistryState): RequestHandler[] {
  return toMswHandlers(registryRoutes(registry, state));
}

/** Happy-path handlers of every registry (and the consents service) over one shared state. */
export function createHandlers(state: RegistryState): RequestHandler[] {
  return (Object.keys(routesByRegistry) as RegistryName[]).flatMap((name) => registryHandlers(name, state));
}
