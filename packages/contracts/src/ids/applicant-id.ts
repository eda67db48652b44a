import { checkBin } from './bin.js';
import { checkIin } from './iin.js';
import { checkShape, looksLike } from './twelve-digits.js';

/** One 12-digit field that a form can start from: an IIN (a person) or a BIN (an organisation). */
export type ApplicantRef = { kind: 'IIN'; iin: string } | { kind: 'BIN'; bin: string };

export type ApplicantIdCheck = { ok: true; ref: ApplicantRef } | { ok: false; expected: 'IIN' | 'BIN' | 'IIN_OR_BIN'; problem: string };

export function checkApplicantId(value: unknown): ApplicantIdCheck {
  const badShape = checkShape(value, 'Applicant id (IIN or BIN)');
  if (badShape) return { ...badShape, expected: 'IIN_OR_BIN' };
  const id = value as string;
  switch (looksLike(id)) {
    case 'IIN': {
      const iin = checkIin(id);
      return iin.ok ? { ok: true, ref: { kind: 'IIN', iin: iin.value } } : { ...iin, expected: 'IIN' };
    }
    case 'BIN': {
      const bin = checkBin(id);
      return bin.ok ? { ok: true, ref: { kind: 'BIN', bin: bin.value } } : { ...bin, expected: 'BIN' };
    }
    default:
      return {
        ok: false,
        expected: 'IIN_OR_BIN',
        problem: `5th digit must be 0-3 for an IIN or 4-6 for a BIN, got ${id[4]}`,
      };
  }
}

export function applicantIdOf(ref: ApplicantRef): string {
  return ref.kind === 'IIN' ? ref.iin : ref.bin;
}
