/**
 * Who is asking and what they may read: bearer tokens (callers, partners' grants), the authorization
 * policy and the field guard, and the audit trail of every personal-data read. Signatures (ЭЦП) are a
 * separate entry point, `@egov/security/signatures`, because their PKI libraries are heavy to load.
 */

export * from './audit/index.js';
export * from './authz/index.js';
export * from './consents/index.js';
export { makeDevelopmentKey, readEd25519KeyFile } from './ed25519-key-files.js';
export * from './requests/request-id.js';
export * from './subgraph-security.js';
export * from './tokens/index.js';
