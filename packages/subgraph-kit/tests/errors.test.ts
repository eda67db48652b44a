import { createLogger, ErrorCode, graphqlError } from '@egov/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatErrorFor } from '../src/server/errors.js';

const lines: Record<string, unknown>[] = [];
const format = formatErrorFor(createLogger('test', { level: 'debug', write: (line) => lines.push(JSON.parse(line)) }));

/** What Apollo hands formatError for an error a resolver threw: graphql-js's located error around it. */
function thrown(error: Error) {
  const located = new GraphQLError(error.message, { originalError: error, path: ['x'] });
  const code = error instanceof GraphQLError ? error.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
  return format({ message: located.message, path: ['x'], extensions: { ...located.extensions, code } }, located);
}

describe('what a subgraph tells a client about an error', () => {
  it('passes an error we raised on purpose as raised', () => {
    expect(thrown(graphqlError(ErrorCode.NOT_FOUND, 'No application with this number'))).toMatchObject({
      message: 'No application with this number',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('hides a bug behind a generic INTERNAL_SERVER_ERROR, and logs the detail', () => {
    lines.length = 0;
    const answer = thrown(new TypeError("Cannot read properties of undefined (reading 'iin') at /app/src/x.ts:12"));
    expect(answer).toEqual({ message: 'Internal error', path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(lines)).toContain("reading 'iin'");
  });

  it('hides a library error that claims INTERNAL_SERVER_ERROR itself (its message may carry internals)', () => {
    const error = new GraphQLError('relation "applications.applications" does not exist', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(thrown(error)).toMatchObject({ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('answers a database that is away with the typed, retryable DATABASE_UNAVAILABLE', () => {
    const lost = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(thrown(lost)).toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true } });
    expect(thrown(new Error('Connection terminated unexpectedly')).extensions?.code).toBe('DATABASE_UNAVAILABLE');
  });

  it("keeps GraphQL's own request errors, whose messages describe the request", () => {
    const parse = new GraphQLError('Syntax Error: Expected Name, found <EOF>.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(format({ message: parse.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, parse)).toMatchObject({
      message: parse.message,
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });
});

describe('a request error whose cause is not GraphQL’s own', () => {
  it('keeps its code (the request is at fault) but says so in words of our own', () => {
    const overflow = new GraphQLError('Maximum call stack size exceeded', {
      originalError: new RangeError('Maximum call stack size exceeded'),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(format({ message: overflow.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, overflow)).toEqual({
      message: 'The query could not be parsed',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });
});
