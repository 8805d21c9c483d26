import type { CheckinItem } from '@hearth/shared/board';
import { MoodMeter } from '../../mood/MoodPicker';
import { formatCalendarDate } from '../../../lib/relativeTime';

export function CheckinBody({ item }: { item: CheckinItem }) {
  return (
    <div className="item-body">
      <p className="item-meta">
        {/* Whose it is shows in the byline below. */}
        {formatCalendarDate(item.date)}
      </p>
      <p>
        <MoodMeter value={item.mood} />
        {item.feelings.length > 0 && ` · ${item.feelings.join(', ')}`}
      </p>
      {item.need && (
        <p>
          Today I need: <bdi>{item.need}</bdi>
        </p>
      )}
      {item.note && (
        <p className="muted" dir="auto">
          {item.note}
        </p>
      )}
    </div>
  );
}
