/** Shapes of the counsellor endpoints (docs/api.md, "Counsellor, audit, export and erasure"). */
export type CounsellorAccessState = 'pending' | 'active' | 'withdrawn' | 'expired';

export interface CounsellorSpace {
  id: string;
  name: string;
  access: 'active' | 'pending';
  until: string | null;
  canFacilitate: boolean;
  partners: Array<{ userId: string; displayName: string; consented: boolean }>;
  lastActivityAt: string | null;
}

export interface CounsellorMember {
  spaceId: string;
  userId: string;
  displayName: string;
  access: CounsellorAccessState;
  consentBy: string[];
  until: string | null;
  canFacilitate: boolean;
}

export interface AuditEntry {
  at: string;
  actorId: string;
  action: string;
  target: string;
}
