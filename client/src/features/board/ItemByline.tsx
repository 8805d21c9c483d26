import { authorOf, type BoardItem } from '@hearth/shared/board';
import { relativeTime } from '../../lib/relativeTime';
import { Avatar } from '../presence/Avatar';
import { useBoard } from './boardContext';
import { useNow } from './useNow';

/**
 * "Sam · 2 h ago": whose words the item holds and when it was written (exact time on hover),
 * and "edited" once those words were changed.
 */
export function ItemByline({ item }: { item: BoardItem }) {
  const { nameOf, members } = useBoard();
  const now = useNow();
  const author = authorOf(item);
  const fullName = members.find((m) => m.userId === author)?.displayName ?? nameOf(author);
  // Only a change of the item's own words or settings (`editedAt`), never an answer to it.
  const { editedAt, editedBy } = item;
  const edit =
    editedAt !== undefined && editedBy !== undefined && Date.parse(editedAt) - Date.parse(item.createdAt) > 60_000
      ? { at: editedAt, by: editedBy }
      : null;
  return (
    <p className="item-byline">
      <Avatar name={fullName} userId={author} size={24} />
      <span>
        <span className="byline-name">{nameOf(author)}</span> ·{' '}
        <time dateTime={item.createdAt} title={new Date(item.createdAt).toLocaleString()}>
          {relativeTime(item.createdAt, now)}
        </time>
        {edit && (
          <>
            {' '}
            · <span title={`Edited ${new Date(edit.at).toLocaleString()} by ${nameOf(edit.by)}`}>edited</span>
          </>
        )}
      </span>
    </p>
  );
}
