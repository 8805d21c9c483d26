import { VISIBILITY_AUDIENCE } from '@hearth/shared/board';
import type { ParsedDocName } from '@hearth/shared/realtime';
import type { SessionUser } from '../auth/sessionUser';
import { effectiveRole } from './counsellorAccess';
import type { SpaceRecord } from './space.model';
import { loadSpace } from './spaceWrites';

export { loadSpace };

export interface DocGrant {
  mode: 'read' | 'write';
  role: 'partner' | 'counsellor';
  spaceId: string;
}

/** The access table of docs/realtime.md: who may read and write each Yjs document. */
export function grantFor(space: SpaceRecord, userId: string, doc: ParsedDocName, now = new Date()): DocGrant | null {
  const role = effectiveRole(space, userId, now);
  if (!role) return null;
  const spaceId = space._id.toString();
  switch (doc.kind) {
    case 'space':
    case 'couple': {
      // The same table the safety page shows ("What your partner and counsellor can see").
      const mode = VISIBILITY_AUDIENCE[doc.kind][role];
      return mode ? { mode, role, spaceId } : null;
    }
    case 'private':
      return role === 'partner' && doc.userId === userId ? { mode: 'write', role, spaceId } : null;
    case 'notes':
      return role === 'counsellor' && doc.userId === userId ? { mode: 'write', role, spaceId } : null;
  }
}

export async function docAccess(user: SessionUser, doc: ParsedDocName): Promise<DocGrant | null> {
  const space = await loadSpace(doc.spaceId);
  return space ? grantFor(space, user.id, doc) : null;
}
