import { describe, expect, it } from 'vitest';
import { Credentials, securityEnv, type TestIssuer } from '../src/auth.js';

const issuer: TestIssuer = {
  mintToken: async (request) => `token-for-${request.kind === 'citizen' ? request.iin : request.clientId}`,
  TEST_ISSUER: 'https://idp.test',
  TEST_AUDIENCE: 'egov-graph',
  TEST_JWKS_FILE: '/jwks.json',
  TEST_PARTNERS_FILE: '/partners.json',
};

describe('securityEnv', () => {
  it('points the subgraphs at the test issuer, keeping what the environment already says', () => {
    const env = securityEnv(issuer, { AUTH_JWKS: '/mine.json' });
    expect(env).toMatchObject({ AUTH_ISSUER: 'https://idp.test', AUTH_JWKS: '/mine.json', PARTNERS_FILE: '/partners.json', AUTH_AUDIENCE: 'egov-graph' });
    expect(env.AUDIT_SUBJECT_KEY!.length).toBeGreaterThanOrEqual(16);
    expect(securityEnv(null)).toEqual({});
  });
});

describe('Credentials', () => {
  it('signs each caller once and turns callers into headers', async () => {
    const credentials = await Credentials.create(issuer, [
      { kind: 'citizen', iin: '850314301234' },
      { kind: 'citizen', iin: '850314301234' },
      { kind: 'partner', clientId: 'kgd-tax-audit', purpose: 'tax-audit' },
    ]);
    expect(credentials.size).toBe(2);
    expect(credentials.headers({ kind: 'citizen', iin: '850314301234' })).toEqual({ authorization: 'Bearer token-for-850314301234' });
    expect(credentials.headers({ kind: 'partner', clientId: 'kgd-tax-audit', purpose: 'tax-audit' })).toEqual({
      authorization: 'Bearer token-for-kgd-tax-audit',
      'x-purpose': 'tax-audit',
    });
    expect(credentials.headers(null)).toEqual({});
    expect(() => credentials.headers({ kind: 'citizen', iin: '010730604568' })).toThrow(/no token prepared/);
  });
});
