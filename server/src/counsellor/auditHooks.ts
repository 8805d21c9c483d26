import type { ParsedDocName } from '@hearth/shared/realtime';
import { docNameOf } from '@hearth/shared/realtime';
import type { AuditLog } from '../audit/audit.service';
import type { HearthEvents } from '../platform/events';
import type { Logger } from '../platform/logger';

interface Access {
  user: { id: string };
  parsed: ParsedDocName;
  grant: { role: 'partner' | 'counsellor'; spaceId: string };
}

type Authorize<U extends { id: string }, G extends Access['grant']> = (user: U, doc: ParsedDocName) => Promise<G | null>;

/**
 * What the real-time features call so every counsellor access lands in the audit log, and
 * access that cannot be logged is refused (fail closed). Partners' own activity is never
 * logged. Entries name the document or exercise, never content.
 */
export interface CounsellorAuditor {
  /**
   * Wraps the Yjs `authorize` callback: before a counsellor's document connection is granted,
   * its `document.opened` entry is written; if that fails the upgrade is refused (503). Access
   * re-checks of connections already open (same user object, see `documentOpened`) write nothing.
   */
  authorizeAudited<U extends { id: string }, G extends Access['grant']>(authorize: Authorize<U, G>): Authorize<U, G>;
  documentOpened(access: Access): void;
  documentClosed(access: Access): void;
  /** Resolves once the entry is written; rejects (and cuts the counsellor off) when it cannot be. */
  exerciseObserved(input: { spaceId: string; userId: string; role: 'partner' | 'counsellor'; exerciseId: string }): Promise<void>;
}

export function createCounsellorAuditor(audit: AuditLog, events: HearthEvents, logger: Logger): CounsellorAuditor {
  // The collab server hands the same user object to `onOpened` and to later re-checks of
  // that connection, while every new upgrade authenticates a fresh one.
  const open = new WeakMap<object, Set<string>>();
  const nameOf = (parsed: ParsedDocName) => docNameOf(parsed);

  /** An entry written after the fact failed: end that counsellor's live access at once. */
  const cutOff = (spaceId: string, userId: string) => (err: unknown) => {
    logger.warn({ err, spaceId, userId }, 'audit: counsellor access ended because it could not be logged');
    events.emit('access:changed', { spaceId, userId });
  };

  return {
    authorizeAudited(authorize) {
      return async (user, doc) => {
        const grant = await authorize(user, doc);
        if (!grant || grant.role !== 'counsellor') return grant;
        // A re-check of an open connection: kept only while the log can be written.
        if (open.get(user)?.has(nameOf(doc))) return audit.writable() ? grant : null;
        // Throws audit_unavailable: the upgrade is refused with 503 and nothing is sent.
        await audit.record({ spaceId: grant.spaceId, actorId: user.id, action: 'document.opened', target: nameOf(doc) });
        return grant;
      };
    },
    documentOpened(access) {
      if (access.grant.role !== 'counsellor') return;
      const names = open.get(access.user) ?? new Set<string>();
      open.set(access.user, names.add(nameOf(access.parsed)));
    },
    documentClosed(access) {
      if (access.grant.role !== 'counsellor') return;
      open.get(access.user)?.delete(nameOf(access.parsed));
      audit
        .record({ spaceId: access.grant.spaceId, actorId: access.user.id, action: 'document.closed', target: nameOf(access.parsed) })
        .catch((err: unknown) => logger.warn({ err }, 'audit: document.closed not recorded'));
    },
    async exerciseObserved({ spaceId, userId, role, exerciseId }) {
      if (role !== 'counsellor') return;
      try {
        await audit.record({ spaceId, actorId: userId, action: 'exercise.observed', target: `exercise:${exerciseId}` });
      } catch (err) {
        cutOff(spaceId, userId)(err);
        throw err;
      }
    },
  };
}

interface RoleLookup {
  roleIn(spaceId: string, userId: string): Promise<'partner' | 'counsellor' | null>;
}

/**
 * Exercises over Socket.io: while the access log cannot be written (the last write failed),
 * a counsellor has no role in any space, so every exercise event of theirs is refused.
 */
export function auditGatedMemberships<M extends RoleLookup>(memberships: M, audit: AuditLog): M {
  return {
    ...memberships,
    async roleIn(spaceId: string, userId: string) {
      const role = await memberships.roleIn(spaceId, userId);
      return role === 'counsellor' && !audit.writable() ? null : role;
    },
  };
}
