import { checkinIdOf, type AppreciationItem, type CheckinItem } from '@hearth/shared/board';
import { BoardRefusal } from '@hearth/shared/realtime';
import { Refused, refuseUnless } from './refused';
import { isPartner, type RuleActor } from './ruleContext';

/** Check-ins and appreciations: one person's words, written only by them. */

export function checkNewCheckin(item: CheckinItem, actor: RuleActor): void {
  refuseUnless(item.userId === actor.userId, BoardRefusal.forgedAuthor, item.id);
  refuseUnless(item.id === checkinIdOf(item.userId, item.date), BoardRefusal.invalidStructure, item.id);
}

export function checkCheckinChange(field: string, before: CheckinItem, actor: RuleActor): void {
  if (field === 'userId' || field === 'date') throw new Refused(BoardRefusal.immutable, before.id);
  refuseUnless(['mood', 'feelings', 'need', 'note'].includes(field), BoardRefusal.invalidStructure, before.id);
  refuseUnless(actor.userId === before.userId, BoardRefusal.notAuthor, before.id);
}

export function checkNewAppreciation(item: AppreciationItem, actor: RuleActor): void {
  refuseUnless(item.fromId === actor.userId, BoardRefusal.forgedAuthor, item.id);
  refuseUnless(item.toId !== actor.userId && isPartner(actor, item.toId), BoardRefusal.invalidStructure, item.id);
}

/** What the partner who received an appreciation writes on it: a heart and a short reply. */
const ANSWER_FIELDS = new Set(['heartedAt', 'reply', 'repliedAt']);

export function checkAppreciationChange(field: string, before: AppreciationItem, actor: RuleActor): void {
  if (field === 'fromId' || field === 'toId') throw new Refused(BoardRefusal.immutable, before.id);
  if (ANSWER_FIELDS.has(field)) {
    refuseUnless(actor.userId === before.toId, BoardRefusal.notAuthor, before.id);
    return;
  }
  refuseUnless(field === 'text', BoardRefusal.invalidStructure, before.id);
  refuseUnless(actor.userId === before.fromId, BoardRefusal.notAuthor, before.id);
}
