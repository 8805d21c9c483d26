import { TEXT_FIELDS, type BoardItem, type BoardItemOf, type TextField } from './schema/item';
import type { ExperienceItem } from './schema/experience';
import type { AppreciationItem } from './schema/appreciation';

/**
 * Who may do what to an item. The operations enforce these; a client binding an input
 * straight to a Y.Text asks `canEditText` first, since a Y.Text cannot check it itself.
 */

/** The fields the ownership rules read; every BoardItem has them. */
export type ItemOwnership =
  | Pick<BoardItemOf<'card'>, 'kind' | 'createdBy' | 'authorId'>
  | Pick<BoardItemOf<'checkin'>, 'kind' | 'createdBy' | 'userId'>
  | Pick<BoardItemOf<'appreciation'>, 'kind' | 'createdBy' | 'fromId'>
  | Pick<BoardItemOf<'promise'>, 'kind' | 'createdBy' | 'promiserId' | 'promiseeId'>
  | Pick<BoardItemOf<'experience'>, 'kind' | 'createdBy'>;

/** Who is the author: the one whose words the item holds. */
export function authorOf(item: ItemOwnership): string {
  switch (item.kind) {
    case 'card':
      return item.authorId;
    case 'checkin':
      return item.userId;
    case 'appreciation':
      return item.fromId;
    case 'promise':
      return item.promiserId;
    case 'experience':
      return item.createdBy;
  }
}

/**
 * Archive, unarchive, delete and change visibility. Experiences and promises belong to both
 * partners; a card, a check-in and an appreciation to their author alone.
 */
export function canManageItem(item: ItemOwnership, userId: string): boolean {
  switch (item.kind) {
    case 'experience':
      return true;
    case 'promise':
      return item.promiserId === userId || item.promiseeId === userId;
    default:
      return authorOf(item) === userId;
  }
}

/** Changing visibility moves the item out of someone's sight, so only its creator may. */
export function canChangeVisibility(item: ItemOwnership, userId: string): boolean {
  return item.createdBy === userId;
}

/**
 * May `userId` change the item's own content, what `editedAt`/`editedBy` record? An
 * experience belongs to both partners; anything else to its author (answers to it, such as
 * an acknowledgement, a comment or a heart, are not edits of it).
 */
export function canEditContent(item: ItemOwnership, userId: string): boolean {
  return item.kind === 'experience' || authorOf(item) === userId;
}

/** May `userId` edit this top-level text field of the item? */
export function canEditText(item: BoardItem, field: TextField, userId: string): boolean {
  const fields: readonly TextField[] = TEXT_FIELDS[item.kind];
  if (!fields.includes(field)) return false;
  switch (item.kind) {
    case 'experience':
      return true;
    case 'promise':
      return item.status === 'proposed' && item.promiserId === userId;
    case 'card':
      return item.authorId === userId;
    case 'appreciation':
      return item.fromId === userId;
    case 'checkin':
      return false;
  }
}

/** Reflections: only once the experience is done, and only your own. */
export function canWriteReflection(item: ExperienceItem, userId: string, ownerId: string): boolean {
  return item.status === 'done' && userId === ownerId;
}

/** The heart and reply on an appreciation: only the partner who received it. */
export function canRespondToAppreciation(item: AppreciationItem, userId: string): boolean {
  return item.toId === userId;
}
