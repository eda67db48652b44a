import { fileURLToPath } from 'node:url';

/**
 * Licence-fee rates for development and tests: placeholders, not law (the standards set the fee by the
 * Tax Code without an amount). `npm start` and the tests pass this as FEE_RATES_FILE.
 */
export const DEV_FEE_RATES_FILE = fileURLToPath(new URL('../data/fee-rates.dev.json', import.meta.url));
