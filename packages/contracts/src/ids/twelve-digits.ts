import { controlDigit } from './check-digit.js';

export type IdCheck<T> = { ok: true; value: string; facts: T } | { ok: false; problem: string };
type Problem = { ok: false; problem: string };

/** Shape rules common to IIN and BIN: a string of exactly twelve digits. */
export function checkShape(value: unknown, what: string): Problem | null {
  if (typeof value !== 'string') return { ok: false, problem: `${what} must be a string of 12 digits` };
  if (!/^\d*$/.test(value)) return { ok: false, problem: `${what} must contain digits only` };
  if (value.length !== 12) return { ok: false, problem: `${what} must be exactly 12 digits, got ${value.length}` };
  return null;
}

export function checkControl(id: string, what: string): Problem | null {
  const expected = controlDigit(id.slice(0, 11));
  if (expected === null) return { ok: false, problem: `${what} cannot be valid: no control digit exists for its first 11 digits` };
  if (expected !== Number(id[11])) {
    return { ok: false, problem: `${what} control digit is wrong (the 12th digit fails the mod-11 check)` };
  }
  return null;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** An IIN's 5th digit is the tens of the birth day (0-3); a BIN's is its entity type (4-6). */
export function looksLike(id: string): 'IIN' | 'BIN' | null {
  const fifth = Number(id[4]);
  if (fifth <= 3) return 'IIN';
  if (fifth <= 6) return 'BIN';
  return null;
}
