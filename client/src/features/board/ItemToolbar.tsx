import { canManageItem, deleteItem, reorderItem, setArchived } from '@hearth/shared/board';
import { COMMITTED_ORIGIN, LOCAL_ORIGIN } from '../../collab/origins';
import { useBoard } from './boardContext';
import type { BoardEntry } from './boardStore';

const KIND_NAME = {
  experience: 'experience',
  promise: 'promise',
  card: 'card',
  checkin: 'check-in',
  appreciation: 'appreciation',
} as const;

/** Reorder, archive and delete. Alt+↑/↓ on a focused card moves it too (see ItemCard). */
export function ItemToolbar({ entry, label, up, down }: {
  entry: BoardEntry;
  label: string;
  up: string | null | undefined;
  down: string | null | undefined;
}) {
  const { me, actor, readOnly, run } = useBoard();
  if (readOnly) return null;
  const manage = canManageItem(entry.item, me.id);
  const what = `${KIND_NAME[entry.item.kind]} “${label}”`;

  return (
    <div className="item-toolbar" role="group" aria-label={`Actions for ${what}`}>
      <button
        type="button"
        className="button small icon quiet"
        aria-label={`Move ${what} up`}
        title="Move up (Alt+↑)"
        aria-keyshortcuts="Alt+ArrowUp"
        disabled={up === undefined}
        onClick={() => up !== undefined && run(() => reorderItem(entry.doc, actor, { itemId: entry.item.id, afterId: up }, { origin: LOCAL_ORIGIN }))}
      >
        ↑
      </button>
      <button
        type="button"
        className="button small icon quiet"
        aria-label={`Move ${what} down`}
        title="Move down (Alt+↓)"
        aria-keyshortcuts="Alt+ArrowDown"
        disabled={down === undefined}
        onClick={() => down !== undefined && run(() => reorderItem(entry.doc, actor, { itemId: entry.item.id, afterId: down }, { origin: LOCAL_ORIGIN }))}
      >
        ↓
      </button>
      {manage && (
        <>
          <button
            type="button"
            className="button small quiet"
            onClick={() =>
              run(() => setArchived(entry.doc, actor, { itemId: entry.item.id, archived: !entry.item.archived }, { origin: LOCAL_ORIGIN }))
            }
          >
            {entry.item.archived ? 'Restore' : 'Archive'}
          </button>
          <button
            type="button"
            className="button small quiet danger"
            onClick={() => {
              if (window.confirm(`Delete this ${KIND_NAME[entry.item.kind]} for good? Archive keeps it instead.`)) {
                run(() => deleteItem(entry.doc, actor, { itemId: entry.item.id }, { origin: COMMITTED_ORIGIN }));
              }
            }}
          >
            Delete
          </button>
        </>
      )}
    </div>
  );
}
