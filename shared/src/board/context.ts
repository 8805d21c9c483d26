import type * as Y from 'yjs';
import { uuidv4 } from 'lib0/random';
import { BoardRuleError } from './errors';
import { ensureBoardMeta } from './docLayout';

/** Who is acting, and the partners of the space (the board's only writers). */
export interface BoardActor {
  userId: string;
  partnerIds: readonly string[];
}

/**
 * `origin` is passed to `doc.transact`, so a client's Y.UndoManager can track only its own
 * changes; `now` pins the clock (tests, and the server replaying an exercise result).
 */
export interface OpOptions {
  origin?: unknown;
  now?: Date;
}

export interface OpClock {
  /** ISO date-time of this operation. */
  at: string;
  /** Calendar date (YYYY-MM-DD, UTC) of this operation, the default for "today". */
  today: string;
}

export function clockOf(options: OpOptions | undefined): OpClock {
  const now = options?.now ?? new Date();
  const at = now.toISOString();
  return { at, today: at.slice(0, 10) };
}

export function newItemId(): string {
  return uuidv4();
}

export function assertPartner(actor: BoardActor): void {
  if (!actor.partnerIds.includes(actor.userId)) {
    throw new BoardRuleError('forbidden', 'only the partners of a space change its board');
  }
}

export function assertIsPartnerId(actor: BoardActor, userId: string, field: string): void {
  if (!actor.partnerIds.includes(userId)) {
    throw new BoardRuleError('invalid_input', `${field}: not a partner of this space`);
  }
}

/**
 * Runs the writes of one operation in one transaction with the caller's origin. Every rule
 * is checked before this is called: Yjs has no rollback, so nothing may throw half-way.
 */
export function writeBoard<T>(doc: Y.Doc, options: OpOptions | undefined, write: () => T): T {
  let result!: T;
  doc.transact(() => {
    ensureBoardMeta(doc);
    result = write();
  }, options?.origin ?? null);
  return result;
}
