/**
 * The HTTP contracts of the four upstream registries, defined once: the subgraphs' clients parse every
 * answer with these schemas, and the mocks validate every request with them.
 */
export * from './common.js';
export * from './individuals.js';
export * from './legal-entities.js';
export * from './payments.js';
export * from './licensing.js';

export const REGISTRIES = {
  individuals: { title: 'ГБД ФЛ (individuals registry)' },
  'legal-entities': { title: 'ГБД ЮЛ (legal-entities registry)' },
  payments: { title: 'ПШЭП (e-government payment gateway)' },
  licensing: { title: 'Е-лицензирование (licensing service)' },
} as const;

export type RegistryName = keyof typeof REGISTRIES;
export * from './reads.js';
