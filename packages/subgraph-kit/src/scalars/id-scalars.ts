import { type ApplicantRef, applicantIdOf, checkApplicantId, checkBin, checkIin } from '@egov/contracts';
import { ErrorCode, graphqlError } from '@egov/core';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/**
 * Ids are strings: a number literal loses leading zeros (080440001234 is not 80440001234), so it is refused
 * like any other non-string, never read as the digits it happens to show.
 */
function literalString(ast: ValueNode): unknown {
  return ast.kind === Kind.STRING ? ast.value : NOT_A_STRING;
}
const NOT_A_STRING = Symbol('not a string literal');

function parseIin(value: unknown): string {
  const check = checkIin(value);
  if (!check.ok) throw graphqlError(ErrorCode.INVALID_IIN, `Invalid IIN: ${check.problem}`);
  return check.value;
}

function parseBin(value: unknown): string {
  const check = checkBin(value);
  if (!check.ok) throw graphqlError(ErrorCode.INVALID_BIN, `Invalid BIN: ${check.problem}`);
  return check.value;
}

const APPLICANT_ERROR = { IIN: ErrorCode.INVALID_IIN, BIN: ErrorCode.INVALID_BIN, IIN_OR_BIN: ErrorCode.INVALID_APPLICANT_ID };

function parseApplicantId(value: unknown): ApplicantRef {
  const check = checkApplicantId(value);
  if (!check.ok) throw graphqlError(APPLICANT_ERROR[check.expected], `Invalid applicant id: ${check.problem}`);
  return check.ref;
}

function serializeApplicantId(value: unknown): string {
  if (typeof value === 'string') return value;
  return applicantIdOf(value as ApplicantRef);
}

export const IINScalar = new GraphQLScalarType({
  name: 'IIN',
  description: 'Individual identification number: 12 digits with a mod-11 control digit and the birth date in digits 1-7.',
  serialize: (value) => String(value),
  parseValue: parseIin,
  parseLiteral: (ast) => parseIin(literalString(ast)),
});

export const BINScalar = new GraphQLScalarType({
  name: 'BIN',
  description: 'Business identification number: 12 digits, type digit 4-6, kind digit 0-3, mod-11 control digit.',
  serialize: (value) => String(value),
  parseValue: parseBin,
  parseLiteral: (ast) => parseBin(literalString(ast)),
});

export const ApplicantIdScalar = new GraphQLScalarType({
  name: 'ApplicantId',
  description: 'An IIN or a BIN; the 5th digit tells which (0-3 IIN, 4-6 BIN).',
  serialize: serializeApplicantId,
  parseValue: parseApplicantId,
  parseLiteral: (ast) => parseApplicantId(literalString(ast)),
});
