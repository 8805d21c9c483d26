import type { BoardItem } from '../schema/item';

/** The words an item is known by (a check-in has none: callers name it themselves). */
export function itemTitle(item: BoardItem): string | null {
  switch (item.kind) {
    case 'experience':
      return item.title;
    case 'promise':
      return item.text;
    case 'card':
      return item.statement;
    case 'appreciation':
      return item.text;
    default:
      return null;
  }
}
