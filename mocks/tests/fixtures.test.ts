import { checkBin, checkIin, LegalEntityRecord, LicenseRecord, PaymentRecord, PersonRecord } from '@egov/contracts';
import { describe, expect, it } from 'vitest';
import { createFixtures, NAMED } from '../src/index.js';

const fixtures = createFixtures({ persons: 1500 });
const persons = new Map(fixtures.persons.map((p) => [p.iin, p]));
const entities = new Map(fixtures.entities.map((e) => [e.bin, e]));
const holderExists = (id: string) => persons.has(id) || entities.has(id);

describe('the named fixtures other tests rely on', () => {
  it('850314301234 is a man born 1985-03-14 with a valid ID card, an address, two licences and one paid licence fee', () => {
    const man = persons.get(NAMED.manWithLicences)!;
    expect(man).toMatchObject({ birthDate: '1985-03-14', sex: 'MALE', identityDocument: { type: 'ID_CARD' } });
    expect(man.identityDocument!.expiresOn > '2026-11-23').toBe(true);
    expect(man.address).not.toBeNull();
    expect(fixtures.licenses.filter((l) => l.holderId === man.iin)).toHaveLength(2);
    const payments = fixtures.payments.filter((p) => p.payerId === man.iin);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ status: 'PAID', purpose: expect.stringContaining('Лицензионный сбор') });
  });

  it('621102407892 is a woman born 1962-11-02 who heads the LLP 080440001234', () => {
    expect(persons.get(NAMED.llpHead)).toMatchObject({ birthDate: '1962-11-02', sex: 'FEMALE' });
    expect(entities.get(NAMED.llp)!.headIin).toBe(NAMED.llpHead);
  });

  it('900101300017 is a man born 1990-01-01 registered as an individual entrepreneur', () => {
    expect(persons.get(NAMED.entrepreneur)).toMatchObject({ birthDate: '1990-01-01', sex: 'MALE', entrepreneur: { tradeName: expect.any(String) } });
  });

  it('010730604568 is a woman born 2001-07-30 with no licences and no payments', () => {
    expect(persons.get(NAMED.youngWoman)).toMatchObject({ birthDate: '2001-07-30', sex: 'FEMALE' });
    expect(fixtures.licenses.some((l) => l.holderId === NAMED.youngWoman)).toBe(false);
    expect(fixtures.payments.some((p) => p.payerId === NAMED.youngWoman)).toBe(false);
  });

  it('080440001234 is an active resident LLP registered 2008-04 with branch 110941004568 and a licence', () => {
    const llp = entities.get(NAMED.llp)!;
    expect(llp).toMatchObject({ legalForm: 'LLP', status: 'ACTIVE', branchBins: [NAMED.llpBranch], registrationDocument: { kind: 'CERTIFICATE' } });
    expect(llp.registeredOn.slice(0, 7)).toBe('2008-04');
    expect(entities.get(NAMED.llpBranch)).toMatchObject({ legalForm: 'BRANCH', parentBin: NAMED.llp });
    expect(fixtures.licenses.filter((l) => l.holderId === NAMED.llp)).toHaveLength(1);
  });

  it('150250007890 is a non-resident entity and 190660003210 a joint individual entrepreneurship', () => {
    expect(checkBin(NAMED.nonResident)).toMatchObject({ ok: true, facts: { type: 'NON_RESIDENT' } });
    expect(entities.get(NAMED.nonResident)!.legalForm).toBe('FOREIGN_LEGAL_ENTITY');
    expect(checkBin(NAMED.jointEntrepreneurship)).toMatchObject({ ok: true, facts: { type: 'JOINT_ENTREPRENEURSHIP' } });
    expect(entities.get(NAMED.jointEntrepreneurship)!.legalForm).toBe('JOINT_ENTREPRENEURSHIP');
  });

  it('770707342424 is a valid IIN that no registry holds', () => {
    expect(checkIin(NAMED.unknownIin).ok).toBe(true);
    expect(holderExists(NAMED.unknownIin)).toBe(false);
  });
});

describe('the whole generated set', () => {
  it('is the same for the same seed and different for another', () => {
    expect(createFixtures({ persons: 300 })).toEqual(createFixtures({ persons: 300 }));
    expect(createFixtures({ persons: 300, seed: 7 }).persons[10]).not.toEqual(createFixtures({ persons: 300 }).persons[10]);
  });

  it('carries valid, unique ids with check digits, and birth dates that match the IIN', () => {
    expect(new Set(fixtures.persons.map((p) => p.iin)).size).toBe(fixtures.persons.length);
    for (const person of fixtures.persons) expect(checkIin(person.iin)).toMatchObject({ ok: true, facts: { birthDate: person.birthDate, sex: person.sex } });
    for (const entity of fixtures.entities) expect(checkBin(entity.bin).ok).toBe(true);
  });

  it('keeps every cross-reference inside the set: heads, founders, branches, licence holders, payers', () => {
    for (const entity of fixtures.entities) {
      if (entity.headIin) expect(persons.has(entity.headIin)).toBe(true);
      for (const founder of entity.founders) if (founder.type === 'PERSON') expect(persons.has(founder.iin)).toBe(true);
      for (const branch of entity.branchBins) expect(entities.get(branch)!.parentBin).toBe(entity.bin);
    }
    for (const licence of fixtures.licenses) expect(holderExists(licence.holderId)).toBe(true);
    for (const payment of fixtures.payments) expect(holderExists(payment.payerId)).toBe(true);
  });

  it('matches the upstream contracts the subgraphs parse with', () => {
    for (const p of fixtures.persons) PersonRecord.parse(p);
    for (const e of fixtures.entities) LegalEntityRecord.parse(e);
    for (const l of fixtures.licenses) LicenseRecord.parse(l);
    for (const p of fixtures.payments) PaymentRecord.parse(p);
  });

  it('has a holding with 50 licensed branches for batching checks', () => {
    const holding = entities.get(fixtures.holdingBin)!;
    expect(holding.branchBins).toHaveLength(50);
    for (const bin of holding.branchBins) expect(fixtures.licenses.some((l) => l.holderId === bin)).toBe(true);
  });

  it('scales to the 10 000+ persons the benchmark needs', () => {
    expect(createFixtures({ persons: 10_000 }).persons.length).toBeGreaterThan(10_000);
  });
});
