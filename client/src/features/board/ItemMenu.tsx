import {
  VISIBILITIES,
  canChangeVisibility,
  canManageItem,
  moveItem,
  reorderItem,
  setArchived,
  type Visibility,
} from '@hearth/shared/board';
import { COMMITTED_ORIGIN, LOCAL_ORIGIN } from '../../collab/origins';
import { Menu, type MenuItem } from '../../lib/Menu';
import { useConfirm } from '../../lib/ConfirmDialog';
import { useToast } from '../../lib/Toast';
import { useBoard, VISIBILITY_LABEL } from './boardContext';
import type { BoardEntry } from './boardStore';
import { deleteWithUndo } from './deleteWithUndo';

export const KIND_NAME = {
  experience: 'experience',
  promise: 'promise',
  card: 'card',
  checkin: 'check-in',
  appreciation: 'appreciation',
} as const;

/**
 * The card's secondary actions behind "⋯": move up/down (also Alt+↑/↓ on a focused card),
 * who can see it, archive, delete (confirmed in a dialog, undone from a toast).
 */
export function ItemMenu({
  entry,
  label,
  up,
  down,
}: {
  entry: BoardEntry;
  label: string;
  up: string | null | undefined;
  down: string | null | undefined;
}) {
  const { me, actor, readOnly, run, docFor } = useBoard();
  const [dialog, confirm] = useConfirm();
  const toast = useToast();
  if (readOnly) return null;
  const { item } = entry;
  const kind = KIND_NAME[item.kind];
  const opts = { origin: LOCAL_ORIGIN };
  const items: (MenuItem | 'separator')[] = [];

  if (up !== undefined) {
    items.push({
      label: 'Move up',
      hint: 'Alt+↑',
      onSelect: () => run(() => reorderItem(entry.doc, actor, { itemId: item.id, afterId: up }, opts)),
    });
  }
  if (down !== undefined) {
    items.push({
      label: 'Move down',
      hint: 'Alt+↓',
      onSelect: () => run(() => reorderItem(entry.doc, actor, { itemId: item.id, afterId: down }, opts)),
    });
  }
  if (canChangeVisibility(item, me.id)) {
    if (items.length > 0) items.push('separator');
    for (const visibility of VISIBILITIES) {
      items.push({
        label: `Visible to: ${VISIBILITY_LABEL[visibility]}`,
        checked: entry.visibility === visibility,
        onSelect: () => changeVisibility(visibility),
      });
    }
  }
  if (canManageItem(item, me.id)) {
    if (items.length > 0) items.push('separator');
    items.push({
      label: item.archived ? 'Restore' : 'Archive',
      onSelect: () => run(() => setArchived(entry.doc, actor, { itemId: item.id, archived: !item.archived }, opts)),
    });
    items.push({ label: 'Delete…', danger: true, onSelect: () => void remove() });
  }
  if (items.length === 0) return null;

  function changeVisibility(visibility: Visibility) {
    const target = docFor(visibility);
    if (!target || visibility === entry.visibility) return;
    // A move is a step in the item's life that the server never lets anyone take back.
    run(() => moveItem(entry.doc, target, actor, { itemId: item.id }, { origin: COMMITTED_ORIGIN }));
  }

  async function remove() {
    const ok = await confirm({
      title: `Delete this ${kind}?`,
      body: (
        <p>
          “{label}” goes for both of you. <strong>Archive</strong> keeps it out of the way instead.
        </p>
      ),
      confirmLabel: 'Delete',
      danger: true,
    });
    if (!ok) return;
    let deleted: ReturnType<typeof deleteWithUndo> | null = null;
    if (!run(() => void (deleted = deleteWithUndo(entry.doc, actor, item.id))) || !deleted) return;
    const done: ReturnType<typeof deleteWithUndo> = deleted;
    toast({
      message: `Deleted the ${kind} “${label}”.`,
      action: { label: 'Undo', run: () => done.undo() },
      onExpire: () => done.forget(),
      focusAction: true,
    });
  }

  return (
    <>
      <Menu label={`More actions for ${kind} “${label}”`} items={items} testId="item-menu" />
      {dialog}
    </>
  );
}
