import type { LegalEntityRecord, LicenseRecord, PersonRecord } from '@egov/contracts';
import { createFixtures, type FixtureSet } from '@egov/mocks';
import { shuffled } from '../stats.js';

/** Seeds the bench's own walks over the set (the order of IINs and of S4's applicants). */
const WALK_SEED = 20121130;

/**
 * The fixture set indexed the way the scenarios read it: the load process builds the same deterministic
 * set the mock process serves, so it can pick inputs and check answers without asking anyone.
 */
export interface BenchFixtures {
  set: FixtureSet;
  /** Every person's IIN in a fixed shuffled order: S1/S5 walk it, one IIN per request. */
  iins: string[];
  persons: Map<string, PersonRecord>;
  entities: Map<string, LegalEntityRecord>;
  licencesByHolder: Map<string, LicenseRecord[]>;
  paymentsByPayer: Map<string, number>;
  /** Entities each person heads or founded. */
  entitiesOfPerson: Map<string, Set<string>>;
  /** Active head offices without any licence: S4's applicants (no earlier licence can consume their fee). */
  submissionBins: string[];
}

/** The mock process (createRegistryState) builds its set with the mocks' default seed; so does this. */
export function buildFixtures(persons: number): BenchFixtures {
  const set = createFixtures({ persons });
  const licencesByHolder = new Map<string, LicenseRecord[]>();
  for (const l of set.licenses) licencesByHolder.set(l.holderId, [...(licencesByHolder.get(l.holderId) ?? []), l]);
  const paymentsByPayer = new Map<string, number>();
  for (const p of set.payments) paymentsByPayer.set(p.payerId, (paymentsByPayer.get(p.payerId) ?? 0) + 1);
  const entitiesOfPerson = new Map<string, Set<string>>();
  const add = (iin: string, bin: string) => entitiesOfPerson.set(iin, (entitiesOfPerson.get(iin) ?? new Set()).add(bin));
  for (const e of set.entities) {
    if (e.headIin) add(e.headIin, e.bin);
    for (const f of e.founders) if (f.type === 'PERSON') add(f.iin, e.bin);
  }
  const submissionBins = set.entities
    .filter((e) => e.parentBin === null && e.status === 'ACTIVE' && e.legalForm === 'LLP' && !licencesByHolder.has(e.bin) && e.bin !== set.holdingBin)
    .map((e) => e.bin);
  return {
    set,
    iins: shuffled(
      set.persons.map((p) => p.iin),
      WALK_SEED,
    ),
    persons: new Map(set.persons.map((p) => [p.iin, p])),
    entities: new Map(set.entities.map((e) => [e.bin, e])),
    licencesByHolder,
    paymentsByPayer,
    entitiesOfPerson,
    submissionBins: shuffled(submissionBins, WALK_SEED + 1),
  };
}

/**
 * S6's walk: request k goes to one of `users` users so that `concurrent` of them are active at a time, each
 * sending `perUser` requests spread over the active group's requests (request k and k + concurrent are the
 * same user's), then the next group takes over; after all users the walk starts again. Each user's requests
 * are therefore about `concurrent` requests apart, as a portal's signed-in users come back with their token.
 */
export function usersWalk(users: readonly string[], perUser: number, concurrent: number): (k: number) => string {
  const group = Math.min(concurrent, users.length);
  return (k) => {
    const round = Math.floor(k / (group * perUser));
    return users[(round * group + (k % group)) % users.length]!;
  };
}
