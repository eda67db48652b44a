export { type PartnerGrant, PartnerRegistry } from './partners.js';
export { ANONYMOUS, describePrincipal, type Principal, type PrincipalKind } from './principal.js';
export { type IssuerConfig, TokenVerifier, type TokenVerifierOptions } from './token-verifier.js';
