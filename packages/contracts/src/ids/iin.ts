import { checkControl, checkShape, type IdCheck, isRealDate, looksLike } from './twelve-digits.js';

/**
 * IIN (ЖСН/ИИН): YYMMDD of birth, a century-and-sex digit, a 4-digit serial, the control digit.
 * The 7th digit: 1/2 born in the 1800s, 3/4 the 1900s, 5/6 the 2000s; odd is male, even is female.
 */
export type Sex = 'MALE' | 'FEMALE';

export interface IinFacts {
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
}

const CENTURY_BY_DIGIT: Record<string, number> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };

export function checkIin(value: unknown): IdCheck<IinFacts> {
  const badShape = checkShape(value, 'IIN');
  if (badShape) return badShape;
  const iin = value as string;
  if (looksLike(iin) === 'BIN') {
    return { ok: false, problem: `IIN 5th digit must be 0-3 (tens of the birth day); ${iin[4]} marks a BIN, not an IIN` };
  }
  const centuryDigit = iin[6]!;
  const century = CENTURY_BY_DIGIT[centuryDigit];
  if (century === undefined) {
    return { ok: false, problem: `IIN 7th digit (century and sex) must be 1-6, got ${centuryDigit}` };
  }
  const year = century + Number(iin.slice(0, 2));
  if (!isRealDate(year, Number(iin.slice(2, 4)), Number(iin.slice(4, 6)))) {
    return { ok: false, problem: 'IIN digits 1-6 are not a real birth date (YYMMDD)' };
  }
  const badControl = checkControl(iin, 'IIN');
  if (badControl) return badControl;
  return {
    ok: true,
    value: iin,
    facts: {
      birthDate: `${year}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`,
      sex: Number(centuryDigit) % 2 === 1 ? 'MALE' : 'FEMALE',
    },
  };
}
