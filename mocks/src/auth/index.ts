export { type MintOptions, mintToken, TEST_AUDIENCE, TEST_ISSUER, TEST_JWKS_FILE, TEST_PARTNERS_FILE, type TokenRequest, unsignedToken } from './issuer.js';
