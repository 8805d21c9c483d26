import * as Y from 'yjs';
import { LOCAL_ORIGIN } from './origins';

/** What a Y.UndoManager can track: one shared type or several. */
export type UndoScope = ConstructorParameters<typeof Y.UndoManager>[0];

/**
 * Per-person undo across the space's documents (us + counsellor, us, only me). Each document
 * has its own Y.UndoManager tracking only LOCAL_ORIGIN, so a partner's edits are never undone;
 * a shared counter orders their stack items so Ctrl+Z reverts the most recent edit anywhere.
 */
export class UndoHistory {
  private readonly managers = new Map<Y.Doc, Y.UndoManager>();
  private readonly listeners = new Set<() => void>();
  private counter = 0;
  private version = 0;

  /** Tracks `scope` (the board's root types) of `doc`; returns a function that stops tracking. */
  track(doc: Y.Doc, scope: UndoScope): () => void {
    const manager = new Y.UndoManager(scope, {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 600,
    });
    const stamp = (event: { stackItem: { meta: Map<string, unknown> } }) => {
      event.stackItem.meta.set('at', ++this.counter);
      this.changed();
    };
    manager.on('stack-item-added', stamp);
    manager.on('stack-item-updated', stamp);
    manager.on('stack-item-popped', () => this.changed());
    manager.on('stack-cleared', () => this.changed());
    this.managers.set(doc, manager);
    this.changed();
    return () => {
      manager.destroy();
      this.managers.delete(doc);
      this.changed();
    };
  }

  private newest(stack: 'undoStack' | 'redoStack'): Y.UndoManager | null {
    let best: Y.UndoManager | null = null;
    let bestAt = -1;
    for (const manager of this.managers.values()) {
      const top = manager[stack][manager[stack].length - 1];
      const at = top ? Number(top.meta.get('at') ?? 0) : -1;
      if (top && at > bestAt) {
        best = manager;
        bestAt = at;
      }
    }
    return best;
  }

  undo(): boolean {
    const manager = this.newest('undoStack');
    return manager ? manager.undo() !== null : false;
  }

  redo(): boolean {
    const manager = this.newest('redoStack');
    return manager ? manager.redo() !== null : false;
  }

  canUndo = (): boolean => this.newest('undoStack') !== null;
  canRedo = (): boolean => this.newest('redoStack') !== null;

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
    for (const manager of this.managers.values()) manager.destroy();
    this.managers.clear();
    this.listeners.clear();
  }
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
