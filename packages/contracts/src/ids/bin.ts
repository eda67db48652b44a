import { checkControl, checkShape, type IdCheck, looksLike } from './twelve-digits.js';

/**
 * BIN (БСН/БИН): YYMM of registration, a type digit, a kind digit, a 5-digit serial, the control digit.
 * Type (5th digit): 4 resident legal entity, 5 non-resident legal entity, 6 joint individual entrepreneurship.
 * Kind (6th digit): 0 head office, 1 branch, 2 representative office, 3 peasant (farm) enterprise.
 */
export const BIN_TYPES = { '4': 'RESIDENT', '5': 'NON_RESIDENT', '6': 'JOINT_ENTREPRENEURSHIP' } as const;
export const BIN_KINDS = { '0': 'HEAD_OFFICE', '1': 'BRANCH', '2': 'REPRESENTATIVE_OFFICE', '3': 'PEASANT_FARM' } as const;

export type BinType = (typeof BIN_TYPES)[keyof typeof BIN_TYPES];
export type BinKind = (typeof BIN_KINDS)[keyof typeof BIN_KINDS];

export interface BinFacts {
  type: BinType;
  kind: BinKind;
}

export function checkBin(value: unknown): IdCheck<BinFacts> {
  const badShape = checkShape(value, 'BIN');
  if (badShape) return badShape;
  const bin = value as string;
  const month = Number(bin.slice(2, 4));
  if (month < 1 || month > 12) {
    return { ok: false, problem: `BIN digits 3-4 must be the registration month 01-12, got ${bin.slice(2, 4)}` };
  }
  const type = BIN_TYPES[bin[4] as keyof typeof BIN_TYPES];
  if (!type) {
    const hint = looksLike(bin) === 'IIN' ? '; 0-3 marks an IIN, not a BIN' : '';
    return { ok: false, problem: `BIN 5th digit (entity type) must be 4, 5 or 6, got ${bin[4]}${hint}` };
  }
  const kind = BIN_KINDS[bin[5] as keyof typeof BIN_KINDS];
  if (!kind) return { ok: false, problem: `BIN 6th digit (entity kind) must be 0-3, got ${bin[5]}` };
  const badControl = checkControl(bin, 'BIN');
  if (badControl) return badControl;
  return { ok: true, value: bin, facts: { type, kind } };
}
