import { describe, expect, it } from 'vitest';
import { checkApplicantId, checkBin, checkIin, controlDigit, withControlDigit } from '../src/ids/index.js';

describe('the mod-11 control digit', () => {
  it('uses weights 1..11 when the first pass is not 10', () => {
    // 6*1+2*2+1*3+1*4+0*5+2*6+4*7+0*8+7*9+8*10+9*11 = 299; 299 mod 11 = 2
    expect(controlDigit('62110240789')).toBe(2);
  });

  it('falls back to weights 3..11,1,2 when the first pass gives 10', () => {
    // first pass 142 mod 11 = 10; second 8*3+5*4+0*5+3*6+1*7+4*8+3*9+0*10+1*11+2*1+3*2 = 147; 147 mod 11 = 4
    expect(controlDigit('85031430123')).toBe(4);
  });

  it('has no digit when both passes give 10, so no valid id starts with those eleven digits', () => {
    const impossible = Array.from({ length: 100_000 }, (_, n) => `850314${String(n).padStart(5, '0')}`).find((p) => controlDigit(p) === null);
    expect(impossible).toBeDefined();
    expect(withControlDigit(impossible!)).toBeNull();
  });
});

describe('an IIN', () => {
  it.each([
    ['850314301234', '1985-03-14', 'MALE'],
    ['621102407892', '1962-11-02', 'FEMALE'],
    ['900101300017', '1990-01-01', 'MALE'],
    ['010730604568', '2001-07-30', 'FEMALE'],
  ])('%s is valid: born %s, %s', (iin, birthDate, sex) => {
    expect(checkIin(iin)).toEqual({ ok: true, value: iin, facts: { birthDate, sex } });
  });

  it.each([
    ['a wrong control digit', '850314301235', /control digit is wrong/],
    ['30 February', '850230301236', /not a real birth date/],
    ['month 13', '851314301234', /not a real birth date/],
    ['29 February in a non-leap year', '850229301234', /not a real birth date/],
    ['century digit 0', '850314001234', /7th digit .* must be 1-6, got 0/],
    ['century digit 7', '850314701234', /7th digit .* must be 1-6, got 7/],
    ['eleven digits', '85031430123', /exactly 12 digits, got 11/],
    ['thirteen digits', '8503143012345', /exactly 12 digits, got 13/],
    ['letters', '8503143O1234', /digits only/],
    ['spaces', '850314 301234', /digits only/],
    ['a number instead of a string', 850314301234, /string of 12 digits/],
    ['a BIN', '080440001234', /marks a BIN/],
  ])('is rejected for %s', (_case, value, why) => {
    const check = checkIin(value);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toMatch(why);
  });

  it('accepts 29 February in a leap year', () => {
    const iin = withControlDigit('84022930123') ?? withControlDigit('84022930124')!;
    expect(checkIin(iin)).toMatchObject({ ok: true, facts: { birthDate: '1984-02-29' } });
  });
});

describe('a BIN', () => {
  it.each([
    ['080440001234', 'RESIDENT', 'HEAD_OFFICE'],
    ['110941004568', 'RESIDENT', 'BRANCH'],
    ['150250007890', 'NON_RESIDENT', 'HEAD_OFFICE'],
    ['190660003210', 'JOINT_ENTREPRENEURSHIP', 'HEAD_OFFICE'],
  ])('%s is valid: %s, %s', (bin, type, kind) => {
    expect(checkBin(bin)).toEqual({ ok: true, value: bin, facts: { type, kind } });
  });

  it.each([
    ['a wrong control digit', '080440001235', /control digit is wrong/],
    ['type digit 7', '080470001234', /5th digit .* must be 4, 5 or 6, got 7/],
    ['an IIN', '850314301234', /0-3 marks an IIN/],
    ['kind digit 4', '080444001234', /6th digit .* must be 0-3, got 4/],
    ['registration month 13', '081340001234', /month 01-12/],
    ['letters', '08044000123X', /digits only/],
  ])('is rejected for %s', (_case, value, why) => {
    const check = checkBin(value);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toMatch(why);
  });
});

describe('an applicant id (one field for IIN or BIN)', () => {
  it('reads 5th digit 0-3 as an IIN and 4-6 as a BIN', () => {
    expect(checkApplicantId('850314301234')).toEqual({ ok: true, ref: { kind: 'IIN', iin: '850314301234' } });
    expect(checkApplicantId('080440001234')).toEqual({ ok: true, ref: { kind: 'BIN', bin: '080440001234' } });
  });

  it('says which kind of id was wrong', () => {
    expect(checkApplicantId('850314301235')).toMatchObject({ ok: false, expected: 'IIN' });
    expect(checkApplicantId('080440001235')).toMatchObject({ ok: false, expected: 'BIN' });
    expect(checkApplicantId('080490001234')).toMatchObject({ ok: false, expected: 'IIN_OR_BIN', problem: expect.stringMatching(/5th digit/) });
    expect(checkApplicantId('12345')).toMatchObject({ ok: false, expected: 'IIN_OR_BIN' });
  });
});
