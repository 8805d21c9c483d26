import type * as Y from 'yjs';
import { itemsOf, metaOf } from './docLayout';
import { readBoard, type BoardSnapshot } from './read/readBoard';

export interface BoardChange {
  /** The `origin` the change was made with (an UndoManager, a provider, an op's origin …). */
  origin: unknown;
  /** True when the change was made on this replica rather than received. */
  local: boolean;
}

/**
 * Calls `onChange` with a fresh snapshot after every transaction that touched the board
 * (once per transaction, however many fields changed). Returns the unsubscribe function.
 */
export function subscribe(doc: Y.Doc, onChange: (snapshot: BoardSnapshot, change: BoardChange) => void): () => void {
  const items = itemsOf(doc);
  const meta = metaOf(doc);
  // One deep observer per root fires at most once per transaction each; a transaction that
  // touches both roots is collapsed into one call.
  let lastTransaction: Y.Transaction | null = null;
  const once = (_events: unknown, transaction: Y.Transaction): void => {
    if (transaction === lastTransaction) return;
    lastTransaction = transaction;
    onChange(readBoard(doc), { origin: transaction.origin, local: transaction.local });
  };
  items.observeDeep(once);
  meta.observeDeep(once);
  return () => {
    items.unobserveDeep(once);
    meta.unobserveDeep(once);
  };
}
