import { authorOf, type BoardItem, type Visibility } from '@hearth/shared/board';
import type { BoardEntry } from './boardStore';

export type WhoFilter = 'everyone' | 'mine' | 'partner';
export type StatusFilter = 'active' | 'open' | 'completed' | 'archived' | 'all';

export interface BoardFilter {
  who: WhoFilter;
  status: StatusFilter;
}

export const DEFAULT_FILTER: BoardFilter = { who: 'everyone', status: 'active' };

/**
 * Whether an item still asks something of the couple: a promise not yet settled, a plan not
 * yet done, a card not yet acknowledged. Check-ins and appreciations are simply records. A card
 * in "only me" waits for no one: nobody else can see it to acknowledge it.
 */
export function isOpen(item: BoardItem, visibility: Visibility): boolean | null {
  switch (item.kind) {
    case 'promise':
      return item.status === 'proposed' || item.status === 'accepted';
    case 'experience':
      return item.status === 'idea' || item.status === 'planned';
    case 'card':
      return visibility !== 'private' && item.acknowledgedBy === null;
    default:
      return null;
  }
}

function matchesFilter({ item, visibility }: BoardEntry, filter: BoardFilter, myId: string): boolean {
  const author = authorOf(item);
  if (filter.who === 'mine' && author !== myId) return false;
  if (filter.who === 'partner' && author === myId) return false;
  switch (filter.status) {
    case 'all':
      return true;
    case 'archived':
      return item.archived;
    case 'active':
      return !item.archived;
    case 'open':
      return !item.archived && isOpen(item, visibility) !== false;
    case 'completed':
      return !item.archived && isOpen(item, visibility) !== true;
  }
}

/** Entries of one kind, in board order, that pass the filter. */
export function entriesOfKind<K extends BoardItem['kind']>(
  entries: readonly BoardEntry[],
  kind: K,
  filter: BoardFilter,
  myId: string,
): BoardEntry[] {
  return entries.filter((e) => e.item.kind === kind && matchesFilter(e, filter, myId));
}

/**
 * For every item of `kind`: the afterId that moves it one place up / down (undefined when it
 * cannot move that way). One pass per section instead of one search per card.
 */
export function moveTargets(
  entries: readonly BoardEntry[],
  kind: BoardItem['kind'],
): Map<string, { up: string | null | undefined; down: string | null | undefined }> {
  const byDoc = new Map<unknown, BoardEntry[]>();
  for (const entry of entries) {
    if (entry.item.kind !== kind) continue;
    const list = byDoc.get(entry.doc) ?? [];
    list.push(entry);
    byDoc.set(entry.doc, list);
  }
  const targets = new Map<string, { up: string | null | undefined; down: string | null | undefined }>();
  for (const list of byDoc.values()) {
    list.forEach((entry, i) => {
      targets.set(entry.item.id, {
        up: i === 0 ? undefined : i >= 2 ? list[i - 2]!.item.id : null,
        down: i + 1 < list.length ? list[i + 1]!.item.id : undefined,
      });
    });
  }
  return targets;
}
