import { authorOf, type BoardItem } from '@hearth/shared/board';
import { relativeTime } from '../../lib/relativeTime';
import { Avatar } from '../presence/Avatar';
import { useBoard } from './boardContext';
import { useNow } from './useNow';

/** "Sam · 2 h ago": whose words the item holds and when it was written (exact time on hover). */
export function ItemByline({ item }: { item: BoardItem }) {
  const { nameOf, members } = useBoard();
  const now = useNow();
  const author = authorOf(item);
  const fullName = members.find((m) => m.userId === author)?.displayName ?? nameOf(author);
  const edited = item.updatedAt !== item.createdAt && Date.parse(item.updatedAt) - Date.parse(item.createdAt) > 60_000;
  return (
    <p className="item-byline">
      <Avatar name={fullName} userId={author} size={24} />
      <span>
        <span className="byline-name">{nameOf(author)}</span> ·{' '}
        <time dateTime={item.createdAt} title={new Date(item.createdAt).toLocaleString()}>
          {relativeTime(item.createdAt, now)}
        </time>
        {edited && (
          <>
            {' '}
            · <span title={`Edited ${new Date(item.updatedAt).toLocaleString()} by ${nameOf(item.updatedBy)}`}>edited</span>
          </>
        )}
      </span>
    </p>
  );
}
