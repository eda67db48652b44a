import type { Inputs, ScenarioDriver } from './types.js';

/** S3: the public catalog, the same for everyone (cacheable). */
export const CATALOG_QUERY = `query Catalog {
  publicServices {
    code
    names { en }
    fee { kind }
    actions { kind deadline { value unit } }
  }
}`;

export function checkCatalog(services: any, codes: readonly string[]): string | null {
  if (!Array.isArray(services)) return 'publicServices missing';
  const got = services.map((s: any) => s?.code).sort();
  if (JSON.stringify(got) !== JSON.stringify([...codes].sort())) return `codes differ (${got.length} vs ${codes.length})`;
  for (const s of services) {
    if (typeof s.names?.en !== 'string' || typeof s.fee?.kind !== 'string' || !Array.isArray(s.actions) || s.actions.length === 0)
      return `service ${s.code} incomplete`;
  }
  return null;
}

export function catalogScenario(inputs: Inputs): ScenarioDriver {
  return {
    caller: () => null, // public
    steps: [
      {
        name: 'catalog',
        body: () => ({ query: CATALOG_QUERY, operationName: 'Catalog' }),
        check: (data) => checkCatalog(data?.publicServices, inputs.catalogCodes),
      },
    ],
    floor: { kind: 'subgraph', subgraph: 'applications' },
  };
}
