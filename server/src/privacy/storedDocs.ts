import * as Y from 'yjs';
import type { CollabStore } from '../collab';

/**
 * Yjs documents' durable state, read and erased through the collab persistence contract
 * (every acknowledged update is stored, so this is everything a member has been told is
 * saved). Built once from the store the collab server writes to, and passed to the features
 * that read stored boards (export, activity, versions, reminders) or erase them.
 */
export interface StoredDocs {
  readStoredDoc(name: string): Promise<Y.Doc>;
  /** Several documents at once (one read per journal segment for all of them). */
  readStoredDocs(names: string[]): Promise<Map<string, Y.Doc>>;
  /** The latest time anything was stored for a document (update or compaction), or null. */
  lastStoredAt(name: string): Promise<Date | null>;
  /** Names of every stored document that matches. */
  storedDocNames(pattern: RegExp): Promise<string[]>;
  /** Erases every matching document (update log and snapshots); returns their names. */
  purgeStoredDocs(pattern: RegExp): Promise<string[]>;
}

export function createStoredDocs(store: CollabStore): StoredDocs {
  const toDoc = (updates: Uint8Array[]) => {
    const doc = new Y.Doc({ gc: true });
    for (const update of updates) Y.applyUpdate(doc, update);
    return doc;
  };
  const storedDocNames = async (pattern: RegExp) => (await store.storedDocNames()).filter((name) => pattern.test(name));
  return {
    readStoredDoc: async (name) => toDoc((await store.load(name)).updates),
    async readStoredDocs(names) {
      const out = new Map<string, Y.Doc>();
      for (const [name, stored] of await store.loadMany(names)) out.set(name, toDoc(stored.updates));
      return out;
    },
    lastStoredAt: (name) => store.lastStoredAt(name),
    storedDocNames,
    async purgeStoredDocs(pattern) {
      const names = await storedDocNames(pattern);
      for (const name of names) await store.erase(name);
      return names;
    },
  };
}
