export { type PartnerGrant, PartnerRegistry } from './partners.js';
export { ANONYMOUS, describePrincipal, type Principal, type PrincipalKind } from './principal.js';
export {
  DEFAULT_MAX_TOKEN_AGE_SECONDS,
  DEFAULT_TOKEN_CACHE_SIZE,
  type IssuerConfig,
  TokenVerifier,
  type TokenVerifierOptions,
  tokenCacheKey,
} from './token-verifier.js';
