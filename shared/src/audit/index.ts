export { auditEvents, describeAuditEvent, eventTime, formatDuration, formatUtc, SESSION_GAP_MS } from './auditSessions';
export type { AuditEvent, AuditLine } from './auditSessions';
