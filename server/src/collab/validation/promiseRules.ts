import { isPeriodOf, type PromiseItem, type PromiseOutcome } from '@hearth/shared/board';
import { BoardRefusal } from '@hearth/shared/realtime';
import { Refused, refuseUnless, stableJson } from './refused';
import { checkAppendOnly, isPartner, sameValue, type RuleActor } from './ruleContext';

const MARKABLE_ONCE = ['accepted', 'kept', 'missed'];
const RENEGOTIABLE = ['proposed', 'accepted', 'missed'];

function isMarkable(item: PromiseItem): boolean {
  return item.cadence.type === 'once' ? MARKABLE_ONCE.includes(item.status) : item.status === 'accepted';
}

/** A new promise: by the promiser (or a renegotiation's new version), proposed, nothing marked. */
export function checkNewPromise(item: PromiseItem, actor: RuleActor, renegotiationOf: (id: string) => PromiseItem | null): void {
  const id = item.id;
  refuseUnless(
    item.promiserId !== item.promiseeId && isPartner(actor, item.promiseeId) && isPartner(actor, item.promiserId),
    BoardRefusal.invalidStructure,
    id,
  );
  if (item.promiserId !== actor.userId) {
    // Either partner renegotiates: the new version keeps the old one's promiser and promisee.
    const old = item.renegotiatedFrom ? renegotiationOf(item.renegotiatedFrom) : null;
    refuseUnless(
      old !== null &&
        old.renegotiatedInto === id &&
        old.promiserId === item.promiserId &&
        old.promiseeId === item.promiseeId &&
        (actor.userId === old.promiseeId || actor.userId === old.promiserId),
      BoardRefusal.forgedAuthor,
      id,
    );
  }
  refuseUnless(
    item.status === 'proposed' && item.acceptedAt === null && item.renegotiatedInto === null,
    BoardRefusal.illegalTransition,
    id,
  );
  refuseUnless(Object.keys(item.outcomes).length === 0, BoardRefusal.notPromiser, id);
  checkAppendOnly([], item.history, actor, id);
}

export function checkPromiseChange(field: string, before: PromiseItem, after: PromiseItem, actor: RuleActor): void {
  const id = before.id;
  const me = actor.userId;
  const inPromise = me === before.promiserId || me === before.promiseeId;
  switch (field) {
    case 'text':
    case 'cadence':
      refuseUnless(me === before.promiserId, BoardRefusal.notPromiser, id);
      refuseUnless(before.status === 'proposed', BoardRefusal.illegalTransition, id);
      return;
    case 'promiserId':
    case 'promiseeId':
    case 'renegotiatedFrom':
      throw new Refused(BoardRefusal.immutable, id);
    case 'status':
      return checkStatus(before, after, actor);
    case 'statusChangedAt':
      refuseUnless(inPromise, BoardRefusal.notPromiser, id);
      return;
    case 'acceptedAt':
      refuseUnless(me === before.promiseeId, BoardRefusal.notPromisee, id);
      refuseUnless(before.status === 'proposed' && after.status === 'accepted', BoardRefusal.illegalTransition, id);
      return;
    case 'renegotiatedInto':
      refuseUnless(inPromise, BoardRefusal.notPromiser, id);
      refuseUnless(before.renegotiatedInto === null && after.status === 'renegotiated', BoardRefusal.immutable, id);
      return;
    case 'outcomes':
      return checkOutcomes(before, after, actor);
    case 'history':
      return checkHistory(before, after, actor);
    default:
      throw new Refused(BoardRefusal.invalidStructure, id);
  }
}

/** proposed → accepted (promisee); → kept | missed (promiser, one-off); → renegotiated (either). */
function checkStatus(before: PromiseItem, after: PromiseItem, actor: RuleActor): void {
  const id = before.id;
  const from = before.status;
  const to = after.status;
  if (from === 'proposed' && to === 'accepted') {
    return refuseUnless(actor.userId === before.promiseeId, BoardRefusal.notPromisee, id);
  }
  if ((to === 'kept' || to === 'missed') && MARKABLE_ONCE.includes(from)) {
    refuseUnless(actor.userId === before.promiserId, BoardRefusal.notPromiser, id);
    return refuseUnless(before.cadence.type === 'once', BoardRefusal.illegalTransition, id);
  }
  if (to === 'renegotiated' && RENEGOTIABLE.includes(from)) {
    refuseUnless(actor.userId === before.promiserId || actor.userId === before.promiseeId, BoardRefusal.notPromiser, id);
    return refuseUnless(after.renegotiatedInto !== null, BoardRefusal.illegalTransition, id);
  }
  throw new Refused(BoardRefusal.illegalTransition, id);
}

/**
 * The update that renegotiates this promise: its status moves to `renegotiated` (with the link
 * to the new version) in this very update, by one of the two people in it. checkStatus checks
 * that the move itself is legal.
 */
function isRenegotiating(before: PromiseItem, after: PromiseItem, actor: RuleActor): boolean {
  return (
    RENEGOTIABLE.includes(before.status) &&
    after.status === 'renegotiated' &&
    before.renegotiatedInto === null &&
    after.renegotiatedInto !== null &&
    (actor.userId === before.promiserId || actor.userId === before.promiseeId)
  );
}

/**
 * Periods a renegotiation may take away (docs/board.md): the "missed" ones, confirmed or not,
 * and only in the update that renegotiates the promise. Anything else is never removed.
 */
function clearedMissedPeriods(before: PromiseItem, after: PromiseItem, actor: RuleActor): Set<string> {
  const removed = Object.keys(before.outcomes).filter((period) => !(period in after.outcomes));
  if (removed.length === 0) return new Set();
  refuseUnless(isRenegotiating(before, after, actor), BoardRefusal.appendOnly, before.id);
  refuseUnless(
    removed.every((period) => before.outcomes[period]!.outcome === 'missed'),
    BoardRefusal.appendOnly,
    before.id,
  );
  return new Set(removed);
}

/**
 * Append-only, except that the renegotiation which clears a missed period also takes away the
 * history lines about it: the promiser's "missed" marks and the promisee's confirmations.
 */
function checkHistory(before: PromiseItem, after: PromiseItem, actor: RuleActor): void {
  const id = before.id;
  const cleared = clearedMissedPeriods(before, after, actor);
  const aboutCleared = (entry: PromiseItem['history'][number]) =>
    typeof entry.period === 'string' && cleared.has(entry.period) && (entry.action === 'missed' || entry.action === 'confirmed');
  const kept = cleared.size === 0 ? before.history : removeClearedLines(before.history, after.history, aboutCleared, id);
  checkAppendOnly(kept, after.history, actor, id);
  for (const entry of addedEntries(kept, after.history)) checkOutcomeLine(entry, before, after, id);
}

/** Entries of `after` that `before` does not hold (as multisets: a repeated line counts twice). */
function addedEntries<T>(before: readonly T[], after: readonly T[]): T[] {
  const remaining = new Map<string, number>();
  for (const entry of before) remaining.set(stableJson(entry), (remaining.get(stableJson(entry)) ?? 0) + 1);
  return after.filter((entry) => {
    const key = stableJson(entry);
    const n = remaining.get(key) ?? 0;
    if (n > 0) remaining.set(key, n - 1);
    return n === 0;
  });
}

/**
 * A new "kept", "missed" or "confirmed" line comes with the change it tells of, in the same
 * update: a period marked (a new mark or a changed one), or a mark confirmed. So a line is
 * never written twice for one step (What's new shows each line).
 */
function checkOutcomeLine(entry: PromiseItem['history'][number], before: PromiseItem, after: PromiseItem, id: string): void {
  const { action, period } = entry;
  if (action !== 'kept' && action !== 'missed' && action !== 'confirmed') return;
  refuseUnless(typeof period === 'string', BoardRefusal.illegalTransition, id);
  const was = before.outcomes[period];
  const now = after.outcomes[period];
  const told = action === 'confirmed' ? now?.confirmedAt != null && was?.confirmedAt == null : now !== undefined && isNewMark(was, now);
  refuseUnless(told, BoardRefusal.illegalTransition, id);
}

function isNewMark(was: PromiseOutcome | undefined, now: PromiseOutcome): boolean {
  return !was || now.outcome !== was.outcome || now.markedAt !== was.markedAt || now.markedBy !== was.markedBy || now.note !== was.note;
}

/** `before` without the entries `after` lost, each of which must be about a cleared period. */
function removeClearedLines<T>(before: readonly T[], after: readonly T[], mayGo: (entry: T) => boolean, id: string): T[] {
  const remaining = new Map<string, number>();
  for (const entry of after) remaining.set(stableJson(entry), (remaining.get(stableJson(entry)) ?? 0) + 1);
  return before.filter((entry) => {
    const key = stableJson(entry);
    const n = remaining.get(key) ?? 0;
    if (n > 0) {
      remaining.set(key, n - 1);
      return true;
    }
    refuseUnless(mayGo(entry), BoardRefusal.appendOnly, id);
    return false;
  });
}

/**
 * Periods are never removed (but for a renegotiation's missed ones, above); the promiser marks
 * (until confirmed, never twice the same way), the promisee confirms once.
 */
function checkOutcomes(before: PromiseItem, after: PromiseItem, actor: RuleActor): void {
  const id = before.id;
  clearedMissedPeriods(before, after, actor);
  for (const [period, now] of Object.entries(after.outcomes)) {
    const was = before.outcomes[period];
    if (was && sameValue(was, now)) continue;
    const marking = isNewMark(was, now);
    const confirming = !was
      ? now.confirmedAt !== null || now.confirmedBy !== null
      : now.confirmedAt !== was.confirmedAt || now.confirmedBy !== was.confirmedBy;
    if (marking) {
      refuseUnless(actor.userId === before.promiserId, BoardRefusal.notPromiser, id);
      refuseUnless(now.markedBy === actor.userId, BoardRefusal.forgedAuthor, id);
      refuseUnless(!was || was.confirmedAt === null, BoardRefusal.appendOnly, id);
      refuseUnless(isMarkable(before) && isPeriodOf(before.cadence, period), BoardRefusal.illegalTransition, id);
      // A mark may change (kept to missed or back) until confirmed; the same mark again may not.
      refuseUnless(!was || was.outcome !== now.outcome, BoardRefusal.illegalTransition, id);
    }
    if (confirming) {
      refuseUnless(actor.userId === before.promiseeId, BoardRefusal.notPromisee, id);
      refuseUnless(was !== undefined && was.confirmedAt === null, BoardRefusal.appendOnly, id);
      refuseUnless(now.confirmedBy === actor.userId && now.confirmedAt !== null, BoardRefusal.forgedAuthor, id);
    }
  }
}
