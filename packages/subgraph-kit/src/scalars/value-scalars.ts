import { isRealDate } from '@egov/contracts';
import { ErrorCode, formatKzt, graphqlError, parseKzt } from '@egov/core';
import { GraphQLScalarType, Kind } from 'graphql';

function parseDate(value: unknown): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw graphqlError(ErrorCode.INVALID_DATE, 'Date must be a real calendar date written YYYY-MM-DD');
  }
  return value as string;
}

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw graphqlError(ErrorCode.INVALID_DATE, 'DateTime must be ISO 8601 with a time zone, e.g. 2026-03-20T10:00:00+05:00');
  }
  return date;
}

function parseMoney(value: unknown): number {
  const tiyn = typeof value === 'string' ? parseKzt(value) : null;
  if (tiyn === null) throw graphqlError(ErrorCode.INVALID_MONEY, 'Money must be a decimal string in KZT with at most two decimals, e.g. "4325.00"');
  return tiyn;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (no time zone).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with a time zone.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description: 'An amount in tenge (KZT) as a decimal string with two decimals, e.g. "4325.00". Never a float.',
  serialize: (value) => formatKzt(Number(value)),
  parseValue: parseMoney,
  parseLiteral: (ast) => parseMoney(ast.kind === Kind.STRING ? ast.value : undefined),
});
