import { canEditText, type AppreciationItem } from '@hearth/shared/board';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';
import { YTextField } from '../YTextField';

export function AppreciationBody({ entry, item }: { entry: BoardEntry; item: AppreciationItem }) {
  const { me, readOnly, nameOf } = useBoard();
  return (
    <div className="item-body">
      <p className="item-meta">
        From <strong>{nameOf(item.fromId)}</strong> to <strong>{nameOf(item.toId)}</strong>
      </p>
      <YTextField
        entry={entry}
        field="text"
        label="Appreciation"
        hideLabel
        multiline
        disabled={readOnly || !canEditText(item, 'text', me.id)}
        maxLength={1000}
      />
    </div>
  );
}
