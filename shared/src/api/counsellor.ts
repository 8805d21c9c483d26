import type { CounsellorAccess } from './spaces';

/** One couple on a counsellor's dashboard (`GET /api/counsellor/spaces`). */
export interface CounsellorSpaceDto {
  id: string;
  name: string;
  access: 'active' | 'pending';
  until: string | null;
  canFacilitate: boolean;
  /** Who the couple is; never which of them has consented (a counsellor only sees "pending"). */
  partners: Array<{ userId: string; displayName: string }>;
  /** Latest change to the shared board or latest audit entry; null while pending. */
  lastActivityAt: string | null;
}

/** A counsellor as the partners see them (`GET /api/spaces/:spaceId/counsellors`). */
export interface CounsellorMemberDto {
  spaceId: string;
  userId: string;
  displayName: string;
  access: CounsellorAccess;
  consentBy: string[];
  until: string | null;
  canFacilitate: boolean;
}

/** One line of the counsellor access log (`GET /api/spaces/:spaceId/audit`). */
export interface AuditEntryDto {
  at: string;
  actorId: string;
  action: string;
  target: string;
}
