import { describe, expect, it } from 'vitest';
import { requestIdFrom, SAFE_REQUEST_ID } from '../src/index.js';

describe('a request id from outside', () => {
  it('is kept when it is a short safe token, so a trace follows the request', () => {
    expect(requestIdFrom('req-0123456789abcdef')).toBe('req-0123456789abcdef');
    expect(requestIdFrom('A_b-12345')).toBe('A_b-12345');
  });

  it.each([
    ['markup', '<script>alert(1)</script>'],
    ['65 characters', 'b'.repeat(65)],
    ['7 characters', 'abcdefg'],
    ['a tab', 'abc\tdefgh1234'],
    ['spaces', 'id with spaces 12345'],
    ['Cyrillic', 'идентификатор'],
    ['an encoded line break', '%0d%0aSet-Cookie'],
    ['nothing', undefined],
  ])('is replaced by a fresh safe one when it holds %s', (_case, value) => {
    const id = requestIdFrom(value);
    expect(id).not.toBe(value);
    expect(id).toMatch(SAFE_REQUEST_ID);
  });

  it('is replaced when the header came twice (a list)', () => {
    expect(requestIdFrom(['req-0123456789abcdef', 'req-0123456789abcdeg'])).toMatch(SAFE_REQUEST_ID);
  });
});
