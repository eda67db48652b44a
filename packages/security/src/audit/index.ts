export { AuditLog, AUDIT_MIGRATIONS, type AccessRecord, type AuditLogOptions, type StoredAccess } from './audit-log.js';
