import { useId } from 'react';
import { VISIBILITIES, canChangeVisibility, moveItem, type Visibility } from '@hearth/shared/board';
import { COMMITTED_ORIGIN } from '../../collab/origins';
import { useBoard, VISIBILITY_LABEL } from './boardContext';
import type { BoardEntry } from './boardStore';

/** Who can see the item, and (for its creator) a way to change it, which moves it between documents. */
export function VisibilityControl({ entry }: { entry: BoardEntry }) {
  const id = useId();
  const { me, actor, readOnly, docFor, run } = useBoard();
  const editable = !readOnly && canChangeVisibility(entry.item, me.id);

  function change(visibility: Visibility) {
    const target = docFor(visibility);
    if (!target || visibility === entry.visibility) return;
    run(() => moveItem(entry.doc, target, actor, { itemId: entry.item.id }, { origin: COMMITTED_ORIGIN }));
  }

  if (!editable) {
    return (
      <span className={`visibility-chip vis-${entry.visibility}`} data-testid="visibility">
        <span className="visually-hidden">Visible to: </span>
        {VISIBILITY_LABEL[entry.visibility]}
      </span>
    );
  }
  return (
    <span className={`visibility-chip vis-${entry.visibility} editable`}>
      <label htmlFor={id} className="visually-hidden">
        Who can see this
      </label>
      <select id={id} value={entry.visibility} onChange={(e) => change(e.target.value as Visibility)} data-testid="visibility">
        {VISIBILITIES.map((v) => (
          <option key={v} value={v}>
            {VISIBILITY_LABEL[v]}
          </option>
        ))}
      </select>
    </span>
  );
}
