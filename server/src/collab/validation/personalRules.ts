import {
  APPRECIATION_REPLY_MAX,
  canRespondToAppreciation,
  checkinIdOf,
  type AppreciationItem,
  type CheckinItem,
} from '@hearth/shared/board';
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

/** The recipient's answer (a heart, a reply): written only by the partner who received it. */
const RESPONSE_FIELDS = ['heartedAt', 'reply', 'repliedAt'];

export function checkNewAppreciation(item: AppreciationItem, actor: RuleActor): void {
  refuseUnless(item.fromId === actor.userId, BoardRefusal.forgedAuthor, item.id);
  refuseUnless(item.toId !== actor.userId && isPartner(actor, item.toId), BoardRefusal.invalidStructure, item.id);
  // The author cannot answer their own note (a move of an answered one is the creator's copy).
  const unanswered = (item.heartedAt ?? null) === null && (item.reply ?? '') === '' && (item.repliedAt ?? null) === null;
  refuseUnless(unanswered, BoardRefusal.forgedAuthor, item.id);
}

export function checkAppreciationChange(field: string, before: AppreciationItem, after: AppreciationItem, actor: RuleActor): void {
  if (field === 'fromId' || field === 'toId') throw new Refused(BoardRefusal.immutable, before.id);
  if (RESPONSE_FIELDS.includes(field)) {
    refuseUnless(canRespondToAppreciation(before, actor.userId), BoardRefusal.notPartner, before.id);
    return refuseUnless((after.reply ?? '').length <= APPRECIATION_REPLY_MAX, BoardRefusal.tooLarge, before.id);
  }
  refuseUnless(field === 'text', BoardRefusal.invalidStructure, before.id);
  refuseUnless(actor.userId === before.fromId, BoardRefusal.notAuthor, before.id);
}
