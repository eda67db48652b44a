import type { ConsentRecord, LegalEntityRecord, LicenseRecord, PaymentRecord, PersonRecord, RegistryName } from '@egov/contracts';
import { namedConsents } from './fixtures/consents.js';
import { createFixtures, type FixtureOptions, type FixtureSet } from './fixtures/index.js';
import { IndexedMap } from './indexed-map.js';

export interface JournalEntry {
  registry: RegistryName;
  route: string;
  /** How many ids one batch call asked for (1 for single lookups). */
  ids: number;
}

/**
 * What the mock registries hold right now, indexed the way their endpoints read it. Mutations (a new
 * payment, an issued licence) change it, and every answered call is written to the journal so a test
 * can see how many upstream calls an operation cost.
 */
export class RegistryState {
  readonly persons = new Map<string, PersonRecord>();
  /** Also by the IINs of their head and founders (who participates where). */
  readonly entities = new IndexedMap<string, LegalEntityRecord>(participantsOf);
  /** Also by holder. */
  readonly licenses = new IndexedMap<string, LicenseRecord>((licence) => [licence.holderId]);
  /** Also by payer. */
  readonly payments = new IndexedMap<string, PaymentRecord>((payment) => [payment.payerId]);
  /** The access control service's consents by id (the named fixtures: valid, withdrawn, expired, another purpose). */
  readonly consents = new Map<string, ConsentRecord>();
  readonly journal: JournalEntry[] = [];
  /** Payment orders by the key that opened them, so a repeated request returns the same order. */
  readonly paymentOrders = new Map<string, string>();
  /**
   * Applications handed over by our outbox, by number: the first payload, and how many times it arrived
   * (retries after a lost answer arrive again; the registry keeps one application per number).
   */
  readonly deliveredApplications = new Map<string, { payload: unknown; receivedAt: string; times: number }>();
  /** Licences issued through the API, by the application they were issued for. */
  readonly licencesByApplication = new Map<string, string>();
  private issuedSerial = 0;
  private orderSerial = 0;

  constructor(readonly fixtures: FixtureSet) {
    for (const p of fixtures.persons) this.persons.set(p.iin, structuredClone(p));
    for (const e of fixtures.entities) this.entities.set(e.bin, structuredClone(e));
    for (const l of fixtures.licenses) this.licenses.set(l.number, structuredClone(l));
    for (const p of fixtures.payments) this.payments.set(p.id, structuredClone(p));
    for (const c of namedConsents) this.consents.set(c.id, structuredClone(c));
  }

  record(registry: RegistryName, route: string, ids = 1): void {
    this.journal.push({ registry, route, ids });
  }

  /** Calls answered by one registry (optionally one route) since the last reset. */
  calls(registry: RegistryName, route?: string): number {
    return this.journal.filter((e) => e.registry === registry && (route === undefined || e.route === route)).length;
  }

  resetJournal(): void {
    this.journal.length = 0;
  }

  nextLicenceNumber(issuedOn: string): string {
    this.issuedSerial += 1;
    // The 9xxxxx serials never collide with fixture licences, which stay below 900000.
    return `${issuedOn.slice(2, 4)}${String(900_000 + this.issuedSerial).padStart(6, '0')}`;
  }

  nextPaymentId(day: string): string {
    this.orderSerial += 1;
    return `PSH-${day.replaceAll('-', '')}-9${String(this.orderSerial).padStart(5, '0')}`;
  }

  licensesOf(holderIds: readonly string[]): LicenseRecord[] {
    return this.licenses.valuesBy(holderIds);
  }

  /** Consents given by these subjects, to one partner or (without one) to anyone. */
  consentsOf(subjects: readonly string[], partnerId?: string): ConsentRecord[] {
    const wanted = new Set(subjects);
    return [...this.consents.values()].filter((c) => wanted.has(c.subject) && (partnerId === undefined || c.partnerId === partnerId));
  }

  paymentsOf(payerIds: readonly string[]): PaymentRecord[] {
    return this.payments.valuesBy(payerIds);
  }

  /** Entities where each person is head or founder, with the person's roles there. */
  participationsOf(iins: readonly string[]): { iin: string; bin: string; roles: ('HEAD' | 'FOUNDER')[] }[] {
    const wanted = new Set(iins);
    const out: { iin: string; bin: string; roles: ('HEAD' | 'FOUNDER')[] }[] = [];
    for (const entity of this.entities.valuesBy(wanted)) {
      const roles = new Map<string, ('HEAD' | 'FOUNDER')[]>();
      if (entity.headIin && wanted.has(entity.headIin)) roles.set(entity.headIin, ['HEAD']);
      for (const founder of entity.founders) {
        if (founder.type === 'PERSON' && wanted.has(founder.iin)) roles.set(founder.iin, [...(roles.get(founder.iin) ?? []), 'FOUNDER']);
      }
      for (const [iin, r] of roles) out.push({ iin, bin: entity.bin, roles: r });
    }
    return out;
  }
}

export function createRegistryState(fixtures: FixtureSet | FixtureOptions = {}): RegistryState {
  return new RegistryState('holdingBin' in fixtures ? fixtures : createFixtures(fixtures));
}

function* participantsOf(entity: LegalEntityRecord): Iterable<string> {
  if (entity.headIin) yield entity.headIin;
  for (const founder of entity.founders) if (founder.type === 'PERSON') yield founder.iin;
}
