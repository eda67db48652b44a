export { Agencies, type Agency } from './agencies.js';
export { type GuardRules, guardSchema } from './guard.js';
export { consentSubjectOf, type Decision, decide, PARTNER_SCOPES, type Resource, subjectOf } from './policy.js';
export { type CompanyRole, Relations } from './relations.js';
export { type AuthzServices, RequestAuth } from './request-auth.js';
