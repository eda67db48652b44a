import type { Ctx, Inputs, ScenarioDriver } from './types.js';

/** S1: what an application form needs about a person, from all four subgraphs. */
export const PREFILL_QUERY = `query Prefill($iin: IIN!) {
  person(iin: $iin) {
    fullName
    birthDate
    identityDocument { type number issuedBy expiresOn valid }
    address { region city street house flat }
    legalEntities { shortName }
    licenses { number }
    payments { amount status }
  }
}`;

/**
 * S5: the same prefill as one operation whose root fields live in four subgraphs and take the IIN from the
 * variables, so any Federation planner fetches all four at once (one parallel stage: bench/tests/prefill-plan.test.ts)
 * instead of `person` first and then the entity fetches with its key.
 */
export const PARALLEL_PREFILL_QUERY = `query ParallelPrefill($iin: IIN!, $holder: ApplicantId!) {
  person(iin: $iin) {
    fullName
    birthDate
    identityDocument { type number issuedBy expiresOn valid }
    address { region city street house flat }
  }
  legalEntitiesOf(iin: $iin) { shortName }
  licensesOf(holderId: $holder) { number }
  paymentsOf(payerId: $holder) { amount status }
}`;

/** The parallel prefill's answer in the nested shape checkPerson reads. */
export function parallelPrefillPerson(data: any): any {
  return (
    data?.person && {
      ...data.person,
      legalEntities: data.legalEntitiesOf,
      licenses: data.licensesOf,
      payments: data.paymentsOf,
    }
  );
}

/** The floor: the same fields, asked of each subgraph directly and all at once (the IIN is the key). */
export const FLOOR_PERSON = `query FloorPerson($iin: IIN!) {
  person(iin: $iin) { fullName birthDate identityDocument { type number issuedBy expiresOn valid } address { region city street house flat } }
}`;
const entities = (selection: string) => `query FloorEntities($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${selection} } } }`;
export const FLOOR_LEGAL_ENTITIES = entities('legalEntities { shortName }');
export const FLOOR_LICENSES = entities('licenses { number }');
export const FLOOR_PAYMENTS = entities('payments { amount status }');

/** Checks a prefill answer against the fixture set: identity, document, and how many of each linked record. */
export function checkPerson(person: any, iin: string, inputs: Inputs): string | null {
  const record = inputs.fx.persons.get(iin);
  if (!record) return `fixture has no person ${iin}`;
  if (!person) return `person ${iin} missing`;
  const fullName = [record.lastName, record.firstName, record.middleName].filter(Boolean).join(' ');
  if (person.fullName !== fullName) return `fullName ${JSON.stringify(person.fullName)} != ${JSON.stringify(fullName)}`;
  if (person.birthDate !== record.birthDate) return `birthDate ${person.birthDate} != ${record.birthDate}`;
  if (person.identityDocument?.number !== record.identityDocument?.number) return 'identityDocument.number differs';
  if ((person.address?.city ?? null) !== (record.address?.city ?? null)) return 'address.city differs';
  const licences = (inputs.fx.licencesByHolder.get(iin) ?? []).map((l) => l.number).sort();
  const got = (person.licenses ?? []).map((l: any) => l.number).sort();
  if (JSON.stringify(got) !== JSON.stringify(licences)) return `licenses ${got.length} != ${licences.length}`;
  const payments = inputs.fx.paymentsByPayer.get(iin) ?? 0;
  if ((person.payments ?? []).length !== payments) return `payments ${(person.payments ?? []).length} != ${payments}`;
  const entityCount = inputs.fx.entitiesOfPerson.get(iin)?.size ?? 0;
  if ((person.legalEntities ?? []).length !== entityCount) return `legalEntities ${(person.legalEntities ?? []).length} != ${entityCount}`;
  if ((person.legalEntities ?? []).some((e: any) => typeof e.shortName !== 'string')) return 'legalEntities.shortName missing';
  return null;
}

/**
 * S1 (nested `person(iin)`, the person first and then three entity fetches, a new person and token per request),
 * S5 (`parallel`: one stage) or S6 (nested, `pick` = the users' walk: a user repeats their token).
 */
export function prefillScenario(inputs: Inputs, shape: 'nested' | 'parallel' = 'nested', pick: () => string = inputs.nextIin): ScenarioDriver {
  return {
    // The person prefilling their own application, signed in.
    caller: (ctx) => (typeof ctx.iin === 'string' ? { kind: 'citizen', iin: ctx.iin } : null),
    steps: [
      {
        name: 'person',
        body(ctx: Ctx) {
          const iin = pick();
          ctx.iin = iin;
          return shape === 'parallel'
            ? { query: PARALLEL_PREFILL_QUERY, variables: { iin, holder: iin }, operationName: 'ParallelPrefill' }
            : { query: PREFILL_QUERY, variables: { iin }, operationName: 'Prefill' };
        },
        check: (data, ctx) => checkPerson(shape === 'parallel' ? parallelPrefillPerson(data) : data?.person, ctx.iin as string, inputs),
      },
    ],
    floor: {
      kind: 'custom',
      async run(call, ctx) {
        const iin = pick();
        ctx.iin = iin;
        const representations = [{ __typename: 'Person', iin }];
        const [individuals, legalEntities, licensing, payments] = await Promise.all([
          call('individuals', { query: FLOOR_PERSON, variables: { iin } }),
          call('legal-entities', { query: FLOOR_LEGAL_ENTITIES, variables: { r: representations } }),
          call('licensing', { query: FLOOR_LICENSES, variables: { r: representations } }),
          call('payments', { query: FLOOR_PAYMENTS, variables: { r: representations } }),
        ]);
        const person = individuals?.person && {
          ...individuals.person,
          legalEntities: legalEntities?._entities?.[0]?.legalEntities,
          licenses: licensing?._entities?.[0]?.licenses,
          payments: payments?._entities?.[0]?.payments,
        };
        return checkPerson(person, iin, inputs);
      },
    },
  };
}
