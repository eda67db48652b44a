export { createHandlers, registryHandlers, individualsHandlers, legalEntitiesHandlers, paymentsHandlers, licensingHandlers } from './handlers.js';
export { RegistryState, createRegistryState, type JournalEntry } from './state.js';
export { createFixtures, NAMED, FIXTURE_TODAY, activities, type FixtureSet, type FixtureOptions } from './fixtures/index.js';
export { DEV_FEE_RATES_FILE } from './dev-config.js';
export { samplePdf, samplePng, sampleJpeg, truncated } from './scans.js';
export { scenarios } from './scenarios.js';
export { anyOrigin } from './handlers/respond.js';
export * from './auth/index.js';
export { TestSigner, bearer, allScopesHeaders, TEST_TRUST_FILES, TEST_AUDIT_SUBJECT_KEY, type SubmissionDraft, type SignedSubmission } from './security.js';
