import type { CardItem } from '@hearth/shared/board';
import { BoardRefusal } from '@hearth/shared/realtime';
import { Refused, refuseUnless } from './refused';
import { diffById, type RuleActor } from './ruleContext';

export function checkNewCard(item: CardItem, actor: RuleActor): void {
  refuseUnless(item.authorId === actor.userId, BoardRefusal.forgedAuthor, item.id);
  refuseUnless(item.acknowledgedBy === null && item.acknowledgedAt === null, BoardRefusal.notPartner, item.id);
  refuseUnless(
    item.comments.every((c) => c.by === actor.userId),
    BoardRefusal.forgedAuthor,
    item.id,
  );
}

/** The author owns the words; the partner acknowledges; a comment is removed only by its writer. */
export function checkCardChange(field: string, before: CardItem, after: CardItem, actor: RuleActor): void {
  const id = before.id;
  switch (field) {
    case 'statement':
    case 'helps':
    case 'avoid':
    case 'cardType':
    case 'revisitDate':
      return refuseUnless(actor.userId === before.authorId, BoardRefusal.notAuthor, id);
    case 'authorId':
      throw new Refused(BoardRefusal.immutable, id);
    case 'acknowledgedBy':
    case 'acknowledgedAt':
      refuseUnless(actor.userId !== before.authorId, BoardRefusal.notPartner, id);
      // Set to oneself, or withdrawn (only the partner can have set it).
      return refuseUnless(after.acknowledgedBy === null || after.acknowledgedBy === actor.userId, BoardRefusal.forgedAuthor, id);
    case 'comments': {
      const { added, removed, changed } = diffById(before.comments, after.comments);
      refuseUnless(
        added.every((c) => c.by === actor.userId),
        BoardRefusal.forgedAuthor,
        id,
      );
      refuseUnless(
        removed.every((c) => c.by === actor.userId),
        BoardRefusal.notCommentWriter,
        id,
      );
      return refuseUnless(changed.length === 0, BoardRefusal.notCommentWriter, id);
    }
    default:
      throw new Refused(BoardRefusal.invalidStructure, id);
  }
}
