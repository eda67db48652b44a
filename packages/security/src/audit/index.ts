export { type AccessRecord, AUDIT_MIGRATIONS, AuditLog, type AuditLogOptions, type StoredAccess } from './audit-log.js';
