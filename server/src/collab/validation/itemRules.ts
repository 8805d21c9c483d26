import { canChangeVisibility, canEditContent, canManageItem, type BoardItem } from '@hearth/shared/board';
import { BoardRefusal } from '@hearth/shared/realtime';
import { checkCardChange, checkNewCard } from './cardRules';
import { checkExperienceChange, checkNewExperience } from './experienceRules';
import { checkAppreciationChange, checkCheckinChange, checkNewAppreciation, checkNewCheckin } from './personalRules';
import { checkNewPromise, checkPromiseChange } from './promiseRules';
import { Refused, refuseUnless } from './refused';
import { changedFields, type RuleActor } from './ruleContext';

/** What the item checks may look up beyond the item itself. */
export interface ItemLookup {
  /** The promise with this id in the same document after the update (renegotiation). */
  promiseAfter(id: string): BoardItem | null;
}

/** An item written from nothing: everything in it must be the actor's own doing. */
export function checkNewItem(item: BoardItem, actor: RuleActor, lookup: ItemLookup): void {
  refuseUnless(item.editedBy === undefined || item.editedBy === actor.userId, BoardRefusal.forgedAuthor, item.id);
  switch (item.kind) {
    case 'experience':
      return checkNewExperience(item, actor);
    case 'promise':
      return checkNewPromise(item, actor, (id) => {
        const old = lookup.promiseAfter(id);
        return old?.kind === 'promise' ? old : null;
      });
    case 'card':
      return checkNewCard(item, actor);
    case 'checkin':
      return checkNewCheckin(item, actor);
    case 'appreciation':
      return checkNewAppreciation(item, actor);
  }
}

/** Delete: by the rules for deletion, or by the creator moving it to another visibility level. */
export function checkRemoval(item: BoardItem, actor: RuleActor): void {
  refuseUnless(canManageItem(item, actor.userId) || canChangeVisibility(item, actor.userId), BoardRefusal.notManager, item.id);
}

const IMMUTABLE = new Set(['id', 'kind', 'createdBy', 'createdAt']);

export function checkChange(before: BoardItem, after: BoardItem, actor: RuleActor): void {
  const id = before.id;
  for (const field of changedFields(before, after)) {
    if (IMMUTABLE.has(field)) throw new Refused(BoardRefusal.immutable, id);
    if (field === 'updatedBy') {
      refuseUnless(after.updatedBy === actor.userId, BoardRefusal.forgedAuthor, id);
      continue;
    }
    if (field === 'updatedAt' || field === 'position') continue;
    if (field === 'editedAt' || field === 'editedBy') {
      // The "edited" mark: only someone who may change the item's own content sets it, as
      // themselves (or takes their first edit back with undo, which removes it).
      refuseUnless(canEditContent(before, actor.userId), BoardRefusal.notAuthor, id);
      refuseUnless(after.editedBy === undefined || after.editedBy === actor.userId, BoardRefusal.forgedAuthor, id);
      continue;
    }
    if (field === 'archived' || field === 'archivedAt') {
      refuseUnless(canManageItem(before, actor.userId), BoardRefusal.notManager, id);
      continue;
    }
    checkKindChange(field, before, after, actor);
  }
}

function checkKindChange(field: string, before: BoardItem, after: BoardItem, actor: RuleActor): void {
  // `kind` is immutable (checked first), so both versions are of the same kind.
  switch (before.kind) {
    case 'experience':
      return checkExperienceChange(field, before, after as typeof before, actor);
    case 'promise':
      return checkPromiseChange(field, before, after as typeof before, actor);
    case 'card':
      return checkCardChange(field, before, after as typeof before, actor);
    case 'checkin':
      return checkCheckinChange(field, before, actor);
    case 'appreciation':
      return checkAppreciationChange(field, before, after as typeof before, actor);
  }
}
