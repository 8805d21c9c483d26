import type { ParsedDocName } from '@hearth/shared/realtime';
import { docNameOf } from '@hearth/shared/realtime';
import type { AuditLog } from '../audit/audit.service';

interface Access {
  user: { id: string };
  parsed: ParsedDocName;
  grant: { role: 'partner' | 'counsellor'; spaceId: string };
}

/**
 * What the real-time features call so every counsellor access lands in the audit log: a
 * document connection opened and closed (collab), an exercise observed (exercises). Partners'
 * own activity is never logged. Entries name the document or exercise, never content.
 */
export interface CounsellorAuditor {
  documentOpened(access: Access): void;
  documentClosed(access: Access): void;
  exerciseObserved(input: { spaceId: string; userId: string; role: 'partner' | 'counsellor'; exerciseId: string }): void;
}

export function createCounsellorAuditor(audit: AuditLog): CounsellorAuditor {
  const docEntry = (access: Access, action: 'document.opened' | 'document.closed') => {
    if (access.grant.role !== 'counsellor') return;
    void audit.record({ spaceId: access.grant.spaceId, actorId: access.user.id, action, target: docNameOf(access.parsed) });
  };
  return {
    documentOpened: (access) => docEntry(access, 'document.opened'),
    documentClosed: (access) => docEntry(access, 'document.closed'),
    exerciseObserved({ spaceId, userId, role, exerciseId }) {
      if (role !== 'counsellor') return;
      void audit.record({ spaceId, actorId: userId, action: 'exercise.observed', target: `exercise:${exerciseId}` });
    },
  };
}
