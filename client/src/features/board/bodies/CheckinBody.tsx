import type { CheckinItem } from '@hearth/shared/board';
import { useBoard } from '../boardContext';
import { MoodMeter } from '../../mood/MoodPicker';

export function CheckinBody({ item }: { item: CheckinItem }) {
  const { nameOf } = useBoard();
  return (
    <div className="item-body">
      <p className="item-meta">
        <strong>{nameOf(item.userId)}</strong> · {item.date}
      </p>
      <p>
        <MoodMeter value={item.mood} />
        {item.feelings.length > 0 && ` · ${item.feelings.join(', ')}`}
      </p>
      {item.need && <p>Today I need: {item.need}</p>}
      {item.note && <p className="muted">{item.note}</p>}
    </div>
  );
}
