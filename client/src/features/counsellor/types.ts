/** Shapes of the counsellor endpoints (docs/api.md, "Counsellor, audit, export and erasure"). */
import type { AuditEntryDto, CounsellorAccess, CounsellorMemberDto, CounsellorSpaceDto } from '@hearth/shared/api';

export type CounsellorAccessState = CounsellorAccess;
export type CounsellorSpace = CounsellorSpaceDto;
export type CounsellorMember = CounsellorMemberDto;
export type AuditEntry = AuditEntryDto;
