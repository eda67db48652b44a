export * from './anchor/index.js';
export { type AccessRecord, AUDIT_MIGRATIONS, AuditLog, type AuditLogOptions, type ChainCheck, type StoredAccess } from './audit-log.js';
