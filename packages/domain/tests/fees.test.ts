import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/catalog/index.js';
import { FeeSchedule } from '../src/fees/index.js';

const catalog = loadCatalog();
const flag = catalog.byCode('state-symbols-licence')!;
const MRP = { years: { '2026': { kzt: 4325, source: 'budget law 2026' } } };
const RATES = { rates: [{ service: 'state-symbols-licence', action: 'ISSUE', mrp: 10, source: 'a configured rate with its source' }] };
const in2026 = new Date('2026-06-01T10:00:00+05:00');

describe('the fee due for a service action', () => {
  it('is the configured rate in MRP times the MRP of the year of payment', () => {
    expect(new FeeSchedule(MRP, RATES).due(flag, 'ISSUE', in2026)).toMatchObject({
      kind: 'LICENCE_FEE',
      paidVia: 'PSHEP',
      amountMrp: 10,
      mrpKzt: 4325,
      amountTiyn: 4_325_000,
      year: 2026,
      unknownBecause: null,
    });
  });

  it('is unknown, and says why, when no rate is configured (the standards give no amount)', () => {
    const due = new FeeSchedule(MRP).due(flag, 'ISSUE', in2026);
    expect(due).toMatchObject({ amountMrp: null, amountTiyn: null, unknownBecause: expect.stringContaining('FEE_RATES_FILE') });
  });

  it('is unknown when the year has no MRP configured', () => {
    expect(new FeeSchedule(MRP, RATES).due(flag, 'ISSUE', new Date('2031-02-01T10:00:00+05:00'))).toMatchObject({
      amountTiyn: null,
      unknownBecause: expect.stringContaining('2031'),
    });
  });

  it('takes the year in Kazakhstan local time: 31 December 20:00 UTC is already the new year in Astana', () => {
    const schedule = new FeeSchedule({ years: { ...MRP.years, '2027': { kzt: 5000, source: 'x' } } }, RATES);
    expect(schedule.due(flag, 'ISSUE', new Date('2026-12-31T20:00:00Z')).year).toBe(2027);
  });

  it('is zero for a free service', () => {
    expect(new FeeSchedule(MRP, RATES).due(catalog.byCode('standards-registration')!, 'REGISTRATION', in2026)).toMatchObject({ kind: 'FREE', amountTiyn: 0 });
  });

  it('says a contract price is set by the contract', () => {
    const attestation = catalog.byCode('metrological-attestation')!;
    expect(new FeeSchedule(MRP, RATES).due(attestation, attestation.actions[0]!.kind, in2026)).toMatchObject({
      kind: 'BY_CONTRACT',
      unknownBecause: expect.stringContaining('contract'),
    });
  });

  it('refuses a rate without a source', () => {
    expect(() => new FeeSchedule(MRP, { rates: [{ service: 'x', action: 'ISSUE', mrp: 1, source: '' }] })).toThrow();
  });

  it('ships an MRP table whose 2026 value is 4 325 tenge', () => {
    expect(FeeSchedule.fromFiles().due(flag, 'ISSUE', in2026).mrpKzt).toBe(4325);
  });
});
