// Counsellor mode: dashboard, partners' consent panel with the access log, counsellor notes.
export { CounsellorDashboard } from './CounsellorDashboard';
export { ConsentPanel } from './ConsentPanel';
export { AuditLogView } from './AuditLogView';
export { CounsellorNotes } from './CounsellorNotes';
export { useCounsellorSpaces } from './useCounsellorSpaces';
export { useCounsellors, useAuditLog } from './useCounsellors';
export { counsellorApi } from './counsellorApi';
export { describeAuditEntry } from './auditText';
export type { CounsellorSpace, CounsellorMember, AuditEntry, CounsellorAccessState } from './types';
