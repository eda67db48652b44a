import { TEST_ISSUER, TEST_JWKS_FILE, TEST_PARTNERS_FILE } from './auth/issuer.js';
import { DEV_FEE_RATES_FILE, TEST_EVIDENCE_KEY_FILE } from './dev-config.js';
import { TEST_AUDIT_SUBJECT_KEY, TEST_TRUST_FILES } from './security.js';

/**
 * The environment that points a subgraph at the mocks' test material: the test identity provider and partners
 * file, the audit subject key, the test certification authority (НУЦ), placeholder fee rates and the evidence
 * signing key. One list for `npm start`, the bench and the fault harness. A variable already set in `overrides`
 * (e.g. process.env, for `npm start`) wins. Never for production: all of it is public.
 */
export function testMaterialEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const defaults: Record<string, string> = {
    FEE_RATES_FILE: DEV_FEE_RATES_FILE,
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_JWKS: TEST_JWKS_FILE,
    PARTNERS_FILE: TEST_PARTNERS_FILE,
    AUDIT_SUBJECT_KEY: TEST_AUDIT_SUBJECT_KEY,
    TRUST_ROOTS: TEST_TRUST_FILES.roots.join(','),
    TRUST_INTERMEDIATES: TEST_TRUST_FILES.intermediates.join(','),
    TRUST_CRLS: TEST_TRUST_FILES.crls.join(','),
    EVIDENCE_SIGNING_KEY_FILE: TEST_EVIDENCE_KEY_FILE,
  };
  return Object.fromEntries(Object.entries(defaults).map(([name, value]) => [name, overrides[name] ?? value]));
}
