export { mintToken, unsignedToken, TEST_ISSUER, TEST_AUDIENCE, TEST_JWKS_FILE, TEST_PARTNERS_FILE, type TokenRequest, type MintOptions } from './issuer.js';
