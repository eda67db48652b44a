export { Agencies, type Agency } from './agencies.js';
export { Relations, type CompanyRole } from './relations.js';
export { decide, subjectOf, PARTNER_SCOPES, type Decision, type Resource } from './policy.js';
export { RequestAuth, type AuthzServices } from './request-auth.js';
export { guardSchema, type GuardRules } from './guard.js';
