import type { RegistryName } from '@egov/contracts';
import type { RequestHandler } from 'msw';
import { consentsHandlers } from './handlers/consents.js';
import { individualsHandlers } from './handlers/individuals.js';
import { legalEntitiesHandlers } from './handlers/legal-entities.js';
import { licensingHandlers } from './handlers/licensing.js';
import { paymentsHandlers } from './handlers/payments.js';
import type { RegistryState } from './state.js';

export { consentsHandlers, individualsHandlers, legalEntitiesHandlers, licensingHandlers, paymentsHandlers };

const byRegistry: Record<RegistryName, (state: RegistryState) => RequestHandler[]> = {
  individuals: individualsHandlers,
  'legal-entities': legalEntitiesHandlers,
  payments: paymentsHandlers,
  licensing: licensingHandlers,
  consents: consentsHandlers,
};

/** Happy-path handlers of one registry. Failures are per-test overrides (see scenarios). */
export function registryHandlers(registry: RegistryName, state: RegistryState): RequestHandler[] {
  return byRegistry[registry](state);
}

/** Happy-path handlers of every registry (and the consents service) over one shared state. */
export function createHandlers(state: RegistryState): RequestHandler[] {
  return (Object.keys(byRegistry) as RegistryName[]).flatMap((name) => byRegistry[name](state));
}
