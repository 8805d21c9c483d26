export { auditEvents, describeAuditEvent, eventTime, formatDuration, formatUtc, restoreText, SESSION_GAP_MS } from './auditSessions';
export type { AuditEvent, AuditLine } from './auditSessions';
