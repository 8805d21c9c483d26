import { EventEmitter } from 'node:events';

/**
 * In-process events between features. `access:changed` means: someone's right to a space
 * may have changed (left, removed, consent withdrawn or expired, account deleted); every live
 * connection of that user to that space must re-check access and close if it is gone.
 * `userId` absent means "everyone in the space"; `spaceId` absent means "all spaces".
 */
export interface HearthEventMap {
  'access:changed': [{ spaceId?: string; userId?: string }];
  /**
   * Login sessions of a user ended (logout, signed out elsewhere, expiry, account deletion):
   * their live Yjs and Socket.io connections close. `sessionIds` absent means all of them.
   */
  'session:ended': [SessionEnded];
  'space:changed': [{ spaceId: string }];
  /** An entry was written to the space's counsellor access log (`audit/audit.service.ts`). */
  'audit:recorded': [{ spaceId: string }];
  /** The space row is gone (its data is being erased); sent before the erasure's slow steps. */
  'space:deleted': [{ spaceId: string }];
}

export interface SessionEnded {
  userId: string;
  sessionIds?: readonly string[];
}

/** Whether a connection opened with `sessionId` belongs to the sessions that ended. */
export function endsSession(ended: SessionEnded, sessionId: string | undefined): boolean {
  return !ended.sessionIds || (sessionId !== undefined && ended.sessionIds.includes(sessionId));
}

export class HearthEvents extends EventEmitter<HearthEventMap> {}
