/**
 * The mod-11 control digit shared by IINs and BINs (the 12th digit).
 *
 * First pass weights the eleven leading digits 1..11. A remainder of 10 cannot be a digit, so a
 * second pass weights them 3..11,1,2; a second 10 means no valid id can start with these digits.
 */
const FIRST_PASS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_PASS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedRemainder(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digits[i]! * weights[i]!;
  return sum % 11;
}

/** The control digit for eleven leading digits, or null when no control digit exists for them. */
export function controlDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('controlDigit expects exactly 11 digits');
  const digits = Array.from(first11, Number);
  const first = weightedRemainder(digits, FIRST_PASS);
  if (first !== 10) return first;
  const second = weightedRemainder(digits, SECOND_PASS);
  return second === 10 ? null : second;
}

/** Appends the control digit to eleven leading digits; null when these digits can never form a valid id. */
export function withControlDigit(first11: string): string | null {
  const digit = controlDigit(first11);
  return digit === null ? null : `${first11}${digit}`;
}
