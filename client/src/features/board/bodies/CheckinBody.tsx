import type { CheckinItem } from '@hearth/shared/board';
import { useBoard } from '../boardContext';
import { formatCalendarDate } from '../../../lib/relativeTime';

const MOOD_TEXT = ['', 'Very low', 'Low', 'Okay', 'Good', 'Very good'];

export function CheckinBody({ item }: { item: CheckinItem }) {
  const { nameOf } = useBoard();
  return (
    <div className="item-body">
      <p className="item-meta">
        {/* Whose it is shows in the byline below. */}
        {formatCalendarDate(item.date)}
      </p>
      <p>
        <span className="mood" aria-label={`Mood ${item.mood} of 5`}>
          {'●'.repeat(item.mood)}
          <span className="mood-empty">{'○'.repeat(5 - item.mood)}</span>
        </span>{' '}
        {MOOD_TEXT[item.mood]}
        {item.feelings.length > 0 && ` · ${item.feelings.join(', ')}`}
      </p>
      {item.need && <p>Today I need: <bdi>{item.need}</bdi></p>}
      {item.note && <p className="muted" dir="auto">{item.note}</p>}
    </div>
  );
}
