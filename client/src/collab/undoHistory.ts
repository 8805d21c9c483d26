import * as Y from 'yjs';
import { LOCAL_ORIGIN } from './origins';
import { othersNamedIn, protectedIn, type IdentifyClient, type KeptItem, type TrackedRoot } from './undoGuard';
import { userOfClient } from './awarenessRegistry';

export type { IdentifyClient, KeptItem } from './undoGuard';

/** What one Undo or Redo click did. */
export interface UndoOutcome {
  /** Something on the board changed back (or forward). */
  changed: boolean;
  /** Items left in place because someone else has worked on them since; the step was skipped. */
  kept: KeptItem[];
}

interface Tracked {
  manager: Y.UndoManager;
  root: TrackedRoot;
  identify: IdentifyClient;
}

const NOTHING: UndoOutcome = { changed: false, kept: [] };

/**
 * Personal, safe undo across the space's documents (us + counsellor, us, only me).
 *
 * - Each document has a Y.UndoManager tracking only LOCAL_ORIGIN, so only my changes are reverted.
 * - A step that would delete an item (or step, comment…) someone else has edited since is skipped
 *   and reported, so an Undo never takes a partner's words with it; so is one that would put
 *   back a partner's name where only they may write it (their tick on a step).
 * - Creating or deleting a thing is a step of its own, never merged with the typing around it.
 * - One click reverts exactly one step (the newest across documents): Yjs's own undo would keep
 *   popping past steps that no longer change anything, which made one click revert several.
 */
export class UndoHistory {
  private readonly tracked = new Map<Y.Doc, Tracked>();
  private readonly listeners = new Set<() => void>();
  private counter = 0;
  private group = 0;
  private groupOpen = false;
  private version = 0;

  /**
   * Tracks `scope` (the board's `items` map) of `doc`; returns a function that stops tracking.
   * `identify` names other client ids (default: the document's live presence).
   */
  track<T>(doc: Y.Doc, scope: Y.Map<T>, identify: IdentifyClient = (clientId) => userOfClient(doc, clientId)): () => void {
    const root: TrackedRoot = scope;
    let manager: Y.UndoManager | null = null;
    const boundary = (tr: Y.Transaction) => {
      if (manager && tr.origin === LOCAL_ORIGIN && isStructural(tr, root)) manager.stopCapturing();
    };
    // Registered before the manager's own handler, so a structural change starts a new step…
    const before = (tr: Y.Transaction) => boundary(tr);
    doc.on('afterTransaction', before);
    manager = new Y.UndoManager(scope, {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 600,
    });
    // …and registered after it, so the typing that follows does not merge into that step either.
    const after = (tr: Y.Transaction) => boundary(tr);
    doc.on('afterTransaction', after);
    const stamp = (event: { stackItem: { meta: Map<string, unknown> } }) => {
      event.stackItem.meta.set('at', ++this.counter);
      if (!event.stackItem.meta.has('group')) event.stackItem.meta.set('group', this.currentGroup());
      this.changed();
    };
    manager.on('stack-item-added', stamp);
    manager.on('stack-item-updated', stamp);
    manager.on('stack-item-popped', () => this.changed());
    manager.on('stack-cleared', () => this.changed());
    const own = manager;
    this.tracked.set(doc, { manager: own, root, identify });
    this.changed();
    return () => {
      doc.off('afterTransaction', before);
      doc.off('afterTransaction', after);
      own.destroy();
      this.tracked.delete(doc);
      this.changed();
    };
  }

  /**
   * Steps made in one synchronous run (moving an item writes two documents) share a group and
   * are undone by one click.
   */
  private currentGroup(): number {
    if (!this.groupOpen) {
      this.group++;
      this.groupOpen = true;
      queueMicrotask(() => {
        this.groupOpen = false;
      });
    }
    return this.group;
  }

  private newest(stack: 'undoStack' | 'redoStack'): Tracked[] {
    let bestAt = -1;
    let bestGroup: unknown = null;
    for (const t of this.tracked.values()) {
      const top = t.manager[stack].at(-1);
      const at = top ? Number(top.meta.get('at') ?? 0) : -1;
      if (top && at > bestAt) {
        bestAt = at;
        bestGroup = top.meta.get('group');
      }
    }
    if (bestAt < 0) return [];
    return [...this.tracked.values()].filter((t) => t.manager[stack].at(-1)?.meta.get('group') === bestGroup);
  }

  undo(): UndoOutcome {
    return this.step('undoStack');
  }

  redo(): UndoOutcome {
    return this.step('redoStack');
  }

  private step(stack: 'undoStack' | 'redoStack'): UndoOutcome {
    // Steps that no longer change anything (a partner already deleted my text) are passed over,
    // so every click the person makes has a visible effect or says why not.
    for (let guard = 0; guard < 1000; guard++) {
      const group = this.newest(stack);
      if (group.length === 0) return NOTHING;
      const kept = group.flatMap((t) => {
        const top = t.manager[stack].at(-1)!;
        return [...protectedIn(t.manager.doc, top, t.root, t.identify), ...othersNamedIn(t.manager.doc, top, t.root, t.identify)];
      });
      if (kept.length > 0) {
        for (const t of group) t.manager[stack].pop();
        this.changed();
        return { changed: false, kept };
      }
      let changed = false;
      for (const t of group) changed = popOnly(t.manager, stack) || changed;
      if (changed) return { changed, kept: [] };
    }
    return NOTHING;
  }

  /** The next change starts a new step, whatever the time since the last one. */
  stopCapturing(): void {
    for (const t of this.tracked.values()) t.manager.stopCapturing();
  }

  canUndo = (): boolean => this.newest('undoStack').length > 0;
  canRedo = (): boolean => this.newest('redoStack').length > 0;

  /** Changes whenever either stack changes; for useSyncExternalStore. */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed() {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  destroy(): void {
    for (const t of this.tracked.values()) t.manager.destroy();
    this.tracked.clear();
    this.listeners.clear();
  }
}

/** Origin of the fix-ups below: not tracked, so they never become an undo step themselves. */
const REPAIR_ORIGIN = Symbol('hearth-undo-repair');

/**
 * Pops the top step only (Yjs would go on popping steps that change nothing). Undoing my write
 * of a field that the partner wrote at the same moment can leave the field with no value at
 * all (Yjs removes mine and will not restore over theirs); such a field keeps the value it had,
 * so an item never becomes unreadable (and vanishes) because of an Undo.
 */
function popOnly(manager: Y.UndoManager, stack: 'undoStack' | 'redoStack'): boolean {
  const fields = plainFieldsIn(manager.doc, manager[stack].at(-1)!);
  const rest = manager[stack].splice(0, manager[stack].length - 1);
  let changed: boolean;
  try {
    changed = (stack === 'undoStack' ? manager.undo() : manager.redo()) !== null;
  } finally {
    manager[stack].unshift(...rest);
  }
  const lost = fields.filter((f) => !f.map.has(f.key) && !f.map._item?.deleted);
  if (lost.length > 0) {
    manager.doc.transact(() => {
      for (const f of lost) f.map.set(f.key, f.value);
    }, REPAIR_ORIGIN);
  }
  return changed;
}

/** The plain (non-collaborative) map fields a step wrote that still hold its value. */
function plainFieldsIn(doc: Y.Doc, step: Y.UndoManager['undoStack'][number]): Array<{ map: Y.Map<unknown>; key: string; value: unknown }> {
  const fields: Array<{ map: Y.Map<unknown>; key: string; value: unknown }> = [];
  step.insertions.clients.forEach((ranges, client) => {
    const structs = doc.store.clients.get(client) ?? [];
    for (const { clock, len } of ranges) {
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const s = structs[i]!;
        if (s.id.clock >= clock + len) break;
        if (!(s instanceof Y.Item) || s.deleted || s.parentSub === null || !(s.parent instanceof Y.Map)) continue;
        if (s.content instanceof Y.ContentType) continue;
        fields.push({ map: s.parent, key: s.parentSub, value: s.parent.get(s.parentSub) });
      }
    }
  });
  return fields;
}

/** Creating or deleting an item, a step, a comment: anything but typing and field values. */
function isStructural(tr: Y.Transaction, root: TrackedRoot): boolean {
  for (const type of tr.changed.keys()) if (type === root) return true;
  const client = tr.doc.clientID;
  const start = tr.beforeState.get(client) ?? 0;
  const end = tr.afterState.get(client) ?? 0;
  if (end <= start) return false;
  const structs = tr.doc.store.clients.get(client) ?? [];
  for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
    const s = structs[i]!;
    if (s.id.clock >= end) break;
    if (s instanceof Y.Item && s.content instanceof Y.ContentType) return true;
  }
  return false;
}

/** Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo. Pure so it can be unit tested. */
export function undoKeyAction(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}
