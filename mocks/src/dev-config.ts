import { fileURLToPath } from 'node:url';

/**
 * Licence-fee rates for development and tests: placeholders, not law (the standards set the fee by the
 * Tax Code without an amount). `npm start` and the tests pass this as FEE_RATES_FILE.
 */
export const DEV_FEE_RATES_FILE = fileURLToPath(new URL('../data/fee-rates.dev.json', import.meta.url));

/**
 * The Ed25519 key that signs the evidence kept with each application under `npm start` and in the tests
 * (EVIDENCE_SIGNING_KEY_FILE), and its public half (EVIDENCE_PUBLIC_KEY_FILE for `npm run evidence:verify`).
 * Committed, so public: evidence signed with it proves nothing outside development.
 */
export const TEST_EVIDENCE_KEY_FILE = fileURLToPath(new URL('../data/evidence/signing-key.pem', import.meta.url));
export const TEST_EVIDENCE_PUBLIC_KEY_FILE = fileURLToPath(new URL('../data/evidence/public-key.pem', import.meta.url));
