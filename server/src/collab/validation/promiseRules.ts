import { isPeriodOf, type PromiseItem } from '@hearth/shared/board';
import { BoardRefusal } from '@hearth/shared/realtime';
import { Refused, refuseUnless } from './refused';
import { checkAppendOnly, isPartner, sameValue, type RuleActor } from './ruleContext';

const MARKABLE_ONCE = ['accepted', 'kept', 'missed'];
const RENEGOTIABLE = ['proposed', 'accepted', 'missed'];

function isMarkable(item: PromiseItem): boolean {
  return item.cadence.type === 'once' ? MARKABLE_ONCE.includes(item.status) : item.status === 'accepted';
}

/** A new promise: by the promiser (or a renegotiation's new version), proposed, nothing marked. */
export function checkNewPromise(item: PromiseItem, actor: RuleActor, renegotiationOf: (id: string) => PromiseItem | null): void {
  const id = item.id;
  refuseUnless(item.promiserId !== item.promiseeId && isPartner(actor, item.promiseeId) && isPartner(actor, item.promiserId), BoardRefusal.invalidStructure, id);
  if (item.promiserId !== actor.userId) {
    // Either partner renegotiates: the new version keeps the old one's promiser and promisee.
    const old = item.renegotiatedFrom ? renegotiationOf(item.renegotiatedFrom) : null;
    refuseUnless(
      old !== null && old.renegotiatedInto === id && old.promiserId === item.promiserId && old.promiseeId === item.promiseeId &&
        (actor.userId === old.promiseeId || actor.userId === old.promiserId),
      BoardRefusal.forgedAuthor, id,
    );
  }
  refuseUnless(item.status === 'proposed' && item.acceptedAt === null && item.renegotiatedInto === null, BoardRefusal.illegalTransition, id);
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
      return checkAppendOnly(before.history, after.history, actor, id);
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

/** Periods are never removed; the promiser marks (until confirmed), the promisee confirms once. */
function checkOutcomes(before: PromiseItem, after: PromiseItem, actor: RuleActor): void {
  const id = before.id;
  for (const period of Object.keys(before.outcomes)) refuseUnless(period in after.outcomes, BoardRefusal.appendOnly, id);
  for (const [period, now] of Object.entries(after.outcomes)) {
    const was = before.outcomes[period];
    if (was && sameValue(was, now)) continue;
    const marking = !was || now.outcome !== was.outcome || now.markedAt !== was.markedAt || now.markedBy !== was.markedBy || now.note !== was.note;
    const confirming = !was ? now.confirmedAt !== null || now.confirmedBy !== null : now.confirmedAt !== was.confirmedAt || now.confirmedBy !== was.confirmedBy;
    if (marking) {
      refuseUnless(actor.userId === before.promiserId, BoardRefusal.notPromiser, id);
      refuseUnless(now.markedBy === actor.userId, BoardRefusal.forgedAuthor, id);
      refuseUnless(!was || was.confirmedAt === null, BoardRefusal.appendOnly, id);
      refuseUnless(isMarkable(before) && isPeriodOf(before.cadence, period), BoardRefusal.illegalTransition, id);
    }
    if (confirming) {
      refuseUnless(actor.userId === before.promiseeId, BoardRefusal.notPromisee, id);
      refuseUnless(was !== undefined && was.confirmedAt === null, BoardRefusal.appendOnly, id);
      refuseUnless(now.confirmedBy === actor.userId && now.confirmedAt !== null, BoardRefusal.forgedAuthor, id);
    }
  }
}
