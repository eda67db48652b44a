import type { RegistryName } from '@egov/contracts';
import type { SecurityConfig } from '@egov/security';
import type { RegistryEndpoint, SubgraphBaseConfig } from '@egov/subgraph-kit';
import { createTestDatabase } from '@egov/testkit';
import { TEST_AUDIENCE, TEST_ISSUER, TEST_JWKS_FILE, TEST_PARTNERS_FILE } from '../auth/index.js';
import { DEV_FEE_RATES_FILE, TEST_EVIDENCE_KEY_FILE } from '../dev-config.js';
import { TEST_AUDIT_SUBJECT_KEY, TEST_TRUST_FILES } from '../security.js';

/** What every subgraph needs to verify the test issuer's tokens and keep an audit trail. */
export function testSecurityConfig(): SecurityConfig {
  return {
    issuers: [{ issuer: TEST_ISSUER, jwks: TEST_JWKS_FILE }],
    audience: TEST_AUDIENCE,
    partnersFile: TEST_PARTNERS_FILE,
    auditSubjectKey: TEST_AUDIT_SUBJECT_KEY,
  };
}

/** The gateway's share of the same. */
export function testGatewayAuth() {
  const { issuers, audience, partnersFile } = testSecurityConfig();
  return { issuers, audience, partnersFile };
}

/**
 * A subgraph's base configuration in a test: a database of its own on the real PostgreSQL (for the audit
 * trail), the test issuer's tokens, company relations from the registry mock at `registryUrl`, and consents
 * from the access control service's mock at `consentsUrl` (the same place by default, as msw answers both).
 */
export async function testSubgraphBase(
  registryUrl: string,
  databasePrefix: string,
  registryTimeoutMs = 2000,
  consentsUrl = registryUrl,
): Promise<{ base: SubgraphBaseConfig; drop(): Promise<void> }> {
  const database = await createTestDatabase(databasePrefix);
  return {
    base: {
      databaseUrl: database.url,
      security: testSecurityConfig(),
      relations: { baseUrl: registryUrl, timeoutMs: registryTimeoutMs },
      consents: { baseUrl: consentsUrl, timeoutMs: registryTimeoutMs },
    },
    drop: database.drop,
  };
}

/**
 * The applications subgraph's own settings in a test (to spread over testSubgraphBase's `base`): the test CA's
 * trust store, the development fee rates, the four registries as `registry` places them, scans kept in
 * `attachments.dir`, the test evidence key, and a deemed-issuance sweep rare enough that tests run it themselves.
 */
export function testApplicationsConfig(options: {
  registry: (name: RegistryName) => RegistryEndpoint;
  attachments: { dir: string; maxBytes?: number; maxFilesPerRequest: number };
}) {
  const { registry, attachments } = options;
  return {
    signatures: TEST_TRUST_FILES,
    registries: {
      licensing: registry('licensing'),
      individuals: registry('individuals'),
      legalEntities: registry('legal-entities'),
      payments: registry('payments'),
    },
    attachments: { dir: attachments.dir, maxBytes: attachments.maxBytes ?? 10 * 1024 * 1024, maxFilesPerRequest: attachments.maxFilesPerRequest },
    fees: { rates: DEV_FEE_RATES_FILE },
    evidence: { keyFile: TEST_EVIDENCE_KEY_FILE },
    deemedIssuanceEveryMs: 3_600_000,
  };
}
