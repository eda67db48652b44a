export { ANONYMOUS, describePrincipal, type Principal, type PrincipalKind } from './principal.js';
export { PartnerRegistry, type PartnerGrant } from './partners.js';
export { TokenVerifier, type IssuerConfig, type TokenVerifierOptions } from './token-verifier.js';
