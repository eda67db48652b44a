import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ActionKind, CatalogEntry, FeeKind, PaidVia } from '../catalog/index.js';

/**
 * What an applicant owes for a service action. The standards say "licence fee under the Tax Code" and
 * never give an amount, so rates (in MRP) are configuration that must name its source; none is shipped
 * for production. Where no rate is configured the amount is unknown and says so, rather than guessed.
 */
const MrpTable = z.object({
  years: z.record(z.string().regex(/^\d{4}$/), z.object({ kzt: z.number().int().positive(), source: z.string().min(1) })),
});

const FeeRates = z.object({
  rates: z.array(
    z.object({
      service: z.string().min(1),
      action: z.string().min(1),
      mrp: z.number().positive(),
      source: z.string().min(10),
    }),
  ),
});

export interface FeeDue {
  kind: FeeKind;
  paidVia: PaidVia | null;
  /** Rate in MRP, when a configured rate covers this service and action. */
  amountMrp: number | null;
  rateSource: string | null;
  /** The year whose MRP applies (the year of payment). */
  year: number;
  mrpKzt: number | null;
  mrpSource: string | null;
  /** amountMrp × MRP in tiyn, when both are known. */
  amountTiyn: number | null;
  /** Why the amount is unknown, when it is. */
  unknownBecause: string | null;
}

export const DEFAULT_MRP_TABLE = new URL('../../data/fees/mrp.json', import.meta.url);

function readJson(path: URL | string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${what} ${String(path)} cannot be read: ${(error as Error).message}`);
  }
}

export class FeeSchedule {
  private readonly mrp: Map<number, { kzt: number; source: string }>;
  private readonly rates: Map<string, { mrp: number; source: string }>;

  constructor(mrpTable: z.input<typeof MrpTable>, rates: z.input<typeof FeeRates> = { rates: [] }) {
    this.mrp = new Map(Object.entries(MrpTable.parse(mrpTable).years).map(([year, value]) => [Number(year), value]));
    this.rates = new Map(FeeRates.parse(rates).rates.map((r) => [`${r.service}/${r.action}`, { mrp: r.mrp, source: r.source }]));
  }

  /** MRP_TABLE_FILE and FEE_RATES_FILE override the shipped MRP table and the (empty) rates. */
  static fromFiles(options: { mrpTable?: string; feeRates?: string } = {}): FeeSchedule {
    const mrp = readJson(options.mrpTable ?? DEFAULT_MRP_TABLE, 'MRP table');
    const rates = options.feeRates ? readJson(options.feeRates, 'Fee rates file') : { rates: [] };
    try {
      return new FeeSchedule(mrp as z.input<typeof MrpTable>, rates as z.input<typeof FeeRates>);
    } catch (error) {
      throw new Error(`Fee configuration is invalid: ${(error as Error).message}`);
    }
  }

  due(entry: CatalogEntry, action: ActionKind, at: Date, utcOffsetMinutes = 300): FeeDue {
    const year = new Date(at.getTime() + utcOffsetMinutes * 60_000).getUTCFullYear();
    const base = { kind: entry.fee.kind, paidVia: entry.fee.paidVia ?? null, year };
    if (entry.fee.kind === 'FREE') {
      return { ...base, amountMrp: 0, rateSource: null, mrpKzt: null, mrpSource: null, amountTiyn: 0, unknownBecause: null };
    }
    const mrp = this.mrp.get(year);
    // A rate cited in the catalog itself wins over configuration.
    const cited = entry.fee.amountMrp?.[action];
    const rate = cited != null ? { mrp: cited, source: entry.fee.amountSource ?? 'the service catalog' } : this.rates.get(`${entry.code}/${action}`);
    const unknownBecause = !rate
      ? entry.fee.kind === 'BY_CONTRACT'
        ? 'The price is set by the contract with the provider'
        : 'The standard sets the fee by the Tax Code without an amount, and no rate is configured (FEE_RATES_FILE)'
      : !mrp
        ? `No MRP value is configured for ${year} (MRP_TABLE_FILE)`
        : null;
    return {
      ...base,
      amountMrp: rate?.mrp ?? null,
      rateSource: rate?.source ?? null,
      mrpKzt: mrp?.kzt ?? null,
      mrpSource: mrp?.source ?? null,
      amountTiyn: rate && mrp ? Math.round(rate.mrp * mrp.kzt * 100) : null,
      unknownBecause,
    };
  }
}
