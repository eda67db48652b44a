import type { Inputs, ScenarioDriver } from './types.js';

/** The partner system S2 reads as (mocks/data/auth/partners.dev.json): legal entities, persons' basics, licences. */
export const S2_PARTNER = { clientId: 'akimat-astana-licensing', purpose: 'scrap-metal-licence' } as const;

/** S2: one holding, its 50 branches, their heads, licences and the licences' holders: batching across levels. */
export const HOLDING_QUERY = `query Holding($bin: BIN!) {
  legalEntity(bin: $bin) {
    name
    branches {
      shortName
      head { lastName }
      licenses { number holder { ... on LegalEntity { shortName } } }
    }
  }
}`;

export const FLOOR_HOLDING = `query FloorHolding($bin: BIN!) { legalEntity(bin: $bin) { name branches { bin shortName head { iin } } } }`;
export const FLOOR_HEADS = `query FloorHeads($r: [_Any!]!) { _entities(representations: $r) { ... on Person { iin lastName } } }`;
export const FLOOR_BRANCH_LICENSES = `query FloorLicenses($r: [_Any!]!) { _entities(representations: $r) { ... on LegalEntity { bin licenses { number holder { __typename ... on LegalEntity { bin } } } } } }`;
export const FLOOR_HOLDERS = `query FloorHolders($r: [_Any!]!) { _entities(representations: $r) { ... on LegalEntity { bin shortName } } }`;

const canonical = (branch: any) =>
  JSON.stringify({
    shortName: branch?.shortName ?? null,
    head: branch?.head?.lastName ?? null,
    licenses: [...(branch?.licenses ?? [])].map((l: any) => `${l?.number}:${l?.holder?.shortName ?? null}`).sort(),
  });

/** The expected answer for the holding, from the fixture set, in a form that ignores list order. */
export function expectedHolding(inputs: Inputs): { name: string; branches: string[] } {
  const { fx } = inputs;
  const holding = fx.entities.get(fx.set.holdingBin)!;
  return {
    name: holding.nameRu,
    branches: holding.branchBins
      .map((bin) => {
        const branch = fx.entities.get(bin)!;
        return canonical({
          shortName: branch.shortNameRu,
          head: { lastName: branch.headIin ? fx.persons.get(branch.headIin)?.lastName : null },
          licenses: (fx.licencesByHolder.get(bin) ?? []).map((l) => ({ number: l.number, holder: { shortName: branch.shortNameRu } })),
        });
      })
      .sort(),
  };
}

export function checkHolding(entity: any, expected: { name: string; branches: string[] }): string | null {
  if (!entity) return 'legalEntity missing';
  if (entity.name !== expected.name) return `name ${JSON.stringify(entity.name)} != ${JSON.stringify(expected.name)}`;
  const branches = (entity.branches ?? []).map(canonical).sort();
  if (branches.length !== expected.branches.length) return `branches ${branches.length} != ${expected.branches.length}`;
  for (let i = 0; i < branches.length; i++) if (branches[i] !== expected.branches[i]) return `branch differs: ${branches[i]} != ${expected.branches[i]}`;
  return null;
}

export function holdingScenario(inputs: Inputs): ScenarioDriver {
  const bin = inputs.fx.set.holdingBin;
  const expected = expectedHolding(inputs);
  return {
    // Another agency's system with the grants to read companies, their people's names and licences.
    caller: () => ({ kind: 'partner', clientId: S2_PARTNER.clientId, purpose: S2_PARTNER.purpose }),
    steps: [
      {
        name: 'holding',
        body: () => ({ query: HOLDING_QUERY, variables: { bin }, operationName: 'Holding' }),
        check: (data) => checkHolding(data?.legalEntity, expected),
      },
    ],
    floor: {
      kind: 'custom',
      // What the query plan does, by hand: the holding, then heads and licences side by side, then holders.
      async run(call) {
        const root = (await call('legal-entities', { query: FLOOR_HOLDING, variables: { bin } }))?.legalEntity;
        if (!root) return 'legalEntity missing';
        const branches: any[] = root.branches ?? [];
        const iins = [...new Set(branches.map((b) => b.head?.iin).filter(Boolean))];
        const [heads, licences] = await Promise.all([
          call('individuals', { query: FLOOR_HEADS, variables: { r: iins.map((iin) => ({ __typename: 'Person', iin })) } }),
          call('licensing', { query: FLOOR_BRANCH_LICENSES, variables: { r: branches.map((b) => ({ __typename: 'LegalEntity', bin: b.bin })) } }),
        ]);
        const holderBins = [
          ...new Set<string>((licences?._entities ?? []).flatMap((e: any) => (e?.licenses ?? []).map((l: any) => l.holder?.bin)).filter(Boolean)),
        ];
        const holders = await call('legal-entities', {
          query: FLOOR_HOLDERS,
          variables: { r: holderBins.map((b) => ({ __typename: 'LegalEntity', bin: b })) },
        });
        const lastName = new Map<string, string>((heads?._entities ?? []).map((p: any) => [p?.iin, p?.lastName]));
        const licencesOf = new Map<string, any[]>((licences?._entities ?? []).map((e: any) => [e?.bin, e?.licenses ?? []]));
        const shortName = new Map<string, string>((holders?._entities ?? []).map((e: any) => [e?.bin, e?.shortName]));
        return checkHolding(
          {
            name: root.name,
            branches: branches.map((b) => ({
              shortName: b.shortName,
              head: b.head ? { lastName: lastName.get(b.head.iin) } : null,
              licenses: (licencesOf.get(b.bin) ?? []).map((l) => ({ number: l.number, holder: { shortName: shortName.get(l.holder?.bin) } })),
            })),
          },
          expected,
        );
      },
    },
  };
}
