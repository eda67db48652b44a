export { type PartnerGrant, PartnerRegistry } from './partners.js';
export { ANONYMOUS, describePrincipal, type Principal, type PrincipalKind } from './principal.js';
export { DEFAULT_MAX_TOKEN_AGE_SECONDS, type IssuerConfig, TokenVerifier, type TokenVerifierOptions } from './token-verifier.js';
