export * from './auth/index.js';
export { DEV_FEE_RATES_FILE, TEST_EVIDENCE_KEY_FILE, TEST_EVIDENCE_PUBLIC_KEY_FILE } from './dev-config.js';
export { DEV_OFFICER_IIN, type DevIdentityOptions, type RunningDevIdentity, startDevIdentity } from './dev-identity/server.js';
export { activities, CONSENT_PARTNER, createFixtures, FIXTURE_TODAY, type FixtureOptions, type FixtureSet, NAMED } from './fixtures/index.js';
export { anyOrigin } from './handlers/respond.js';
export {
  consentsHandlers,
  createHandlers,
  individualsHandlers,
  legalEntitiesHandlers,
  licensingHandlers,
  paymentsHandlers,
  registryHandlers,
} from './handlers.js';
export { sampleJpeg, samplePdf, samplePng, truncated } from './scans.js';
export { scenarios } from './scenarios.js';
export { allScopesHeaders, bearer, type SignedSubmission, type SubmissionDraft, TEST_AUDIT_SUBJECT_KEY, TEST_TRUST_FILES, TestSigner } from './security.js';
export { createRegistryState, type JournalEntry, RegistryState } from './state.js';
export { testMaterialEnv } from './test-material-env.js';
