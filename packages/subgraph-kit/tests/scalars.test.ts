import { GraphQLError, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ApplicantIdScalar, BINScalar, DateScalar, IINScalar, MoneyScalar } from '../src/index.js';

const codeOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : error;
  }
  return 'accepted';
};

describe('the id scalars refuse a bad id before any registry is asked', () => {
  it('850314301234 is a valid IIN, 850314301235 fails its control digit', () => {
    expect(IINScalar.parseValue('850314301234')).toBe('850314301234');
    expect(codeOf(() => IINScalar.parseValue('850314301235'))).toBe('INVALID_IIN');
  });

  it('a BIN with a person-shaped 5th digit is not a BIN', () => {
    expect(codeOf(() => BINScalar.parseValue('850314301234'))).toBe('INVALID_BIN');
  });

  it('an applicant id takes an IIN or a BIN and says which', () => {
    expect(ApplicantIdScalar.parseValue('080440001234')).toEqual({ kind: 'BIN', bin: '080440001234' });
    expect(ApplicantIdScalar.parseValue('850314301234')).toEqual({ kind: 'IIN', iin: '850314301234' });
  });

  it.each([
    ['an Int literal', { kind: Kind.INT, value: '850314301234' }],
    ['a Float literal', { kind: Kind.FLOAT, value: '850314301234.0' }],
    ['a Boolean literal', { kind: Kind.BOOLEAN, value: true }],
    ['a list literal', { kind: Kind.LIST, values: [{ kind: Kind.STRING, value: '850314301234' }] }],
  ] as const)("an id written as %s is refused with the scalar's code: ids are strings", (_case, literal) => {
    expect(codeOf(() => IINScalar.parseLiteral(literal as never))).toBe('INVALID_IIN');
    expect(
      codeOf(() =>
        BINScalar.parseLiteral({ ...literal, ...('value' in literal && typeof literal.value === 'string' ? { value: '080440001234' } : {}) } as never),
      ),
    ).toBe('INVALID_BIN');
    expect(codeOf(() => ApplicantIdScalar.parseLiteral(literal as never))).toMatch(/^INVALID_(IIN|BIN|APPLICANT_ID)$/);
  });

  it.each([
    ['a number', 850314301234],
    ['a list', ['850314301234']],
    ['an object', { iin: '850314301234' }],
  ])('an id passed as %s in variables is refused', (_case, value) => {
    expect(codeOf(() => IINScalar.parseValue(value))).toBe('INVALID_IIN');
    expect(codeOf(() => ApplicantIdScalar.parseValue(value))).toMatch(/^INVALID_(IIN|BIN|APPLICANT_ID)$/);
  });

  it('an inline string literal is checked like a variable', () => {
    expect(codeOf(() => IINScalar.parseLiteral({ kind: Kind.STRING, value: '850314301235' }))).toBe('INVALID_IIN');
  });
});

describe('the value scalars', () => {
  it('a date must be a real calendar day', () => {
    expect(DateScalar.parseValue('2026-03-20')).toBe('2026-03-20');
    expect(codeOf(() => DateScalar.parseValue('2026-02-30'))).toBe('INVALID_DATE');
  });

  it('money travels as tiyn inside and as a two-decimal string at the edges', () => {
    expect(MoneyScalar.parseValue('4325.00')).toBe(432_500);
    expect(MoneyScalar.serialize(432_500)).toBe('4325.00');
    expect(codeOf(() => MoneyScalar.parseValue('43.255'))).toBe('INVALID_MONEY');
  });
});
