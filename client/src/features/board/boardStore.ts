import type * as Y from 'yjs';
import { compareByPosition, itemsOf, parseItemMap, type BoardItem, type Visibility } from '@hearth/shared/board';

/** One item as the board shows it: the validated item, and the document (visibility) it is in. */
export interface BoardEntry {
  item: BoardItem;
  visibility: Visibility;
  doc: Y.Doc;
}

/**
 * Keeps one document's items parsed, re-validating only the items a transaction touched, so a
 * keystroke in one card re-renders that card and not a 300-item board.
 */
export class BoardReader {
  private readonly cache = new Map<string, BoardEntry>();
  private readonly broken = new Map<string, string>();
  private sorted: BoardEntry[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly items: Y.Map<Y.Map<unknown>>;

  constructor(
    readonly doc: Y.Doc,
    readonly visibility: Visibility,
  ) {
    this.items = itemsOf(doc);
    this.items.forEach((_map, id) => this.reparse(id));
    this.resort();
    this.items.observeDeep(this.onChange);
  }

  private readonly onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const dirty = new Set<string>();
    for (const event of events) {
      if (event.target === this.items) {
        for (const key of event.changes.keys.keys()) dirty.add(key);
      } else {
        const id = event.path[0];
        if (typeof id === 'string') dirty.add(id);
      }
    }
    for (const id of dirty) this.reparse(id);
    this.resort();
    for (const listener of this.listeners) listener();
  };

  private reparse(id: string) {
    const map = this.items.get(id);
    this.cache.delete(id);
    this.broken.delete(id);
    if (!map) return;
    try {
      this.cache.set(id, { item: parseItemMap(id, map), visibility: this.visibility, doc: this.doc });
    } catch (error) {
      // One malformed item (e.g. from a buggy client) must not hide the rest of the board.
      this.broken.set(id, error instanceof Error ? error.message : String(error));
    }
  }

  private resort() {
    this.sorted = [...this.cache.values()].sort((a, b) => compareByPosition(a.item, b.item));
  }

  /** Stable between changes, so React can compare by identity. */
  getEntries = (): BoardEntry[] => this.sorted;

  getProblems(): string[] {
    return [...this.broken.values()];
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.items.unobserveDeep(this.onChange);
    this.listeners.clear();
  }
}
