/**
 * The HTTP contracts of the upstream registries (the four state registries and the consents service), defined once: the subgraphs' clients parse every
 * answer with these schemas, and the mocks validate every request with them.
 */
export * from './registries/common.js';
export * from './registries/consents.js';
export * from './registries/individuals.js';
export * from './registries/legal-entities.js';
export * from './registries/licensing.js';
export * from './registries/payments.js';

export const REGISTRIES = {
  individuals: { title: 'ГБД ФЛ (individuals registry)' },
  'legal-entities': { title: 'ГБД ЮЛ (legal-entities registry)' },
  payments: { title: 'ПШЭП (e-government payment gateway)' },
  licensing: { title: 'Е-лицензирование (licensing service)' },
  consents: { title: 'Personal-data access control service (consents)' },
} as const;

export type RegistryName = keyof typeof REGISTRIES;
export * from './ids/index.js';
