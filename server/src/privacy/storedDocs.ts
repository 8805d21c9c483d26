import * as Y from 'yjs';
import { collabStore, loadStoredStates } from '../collab/collabStore';

/**
 * A Yjs document's durable state, loaded through the collab persistence contract (every
 * acknowledged update is stored, so this is everything a member has been told is saved).
 */
export async function readStoredDoc(name: string): Promise<Y.Doc> {
  const stored = await collabStore.load(name);
  const doc = new Y.Doc({ gc: true });
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Several documents' durable states at once (one read per journal segment for all of them). */
export async function readStoredDocs(names: string[]): Promise<Map<string, Y.Doc>> {
  const out = new Map<string, Y.Doc>();
  for (const [name, stored] of await loadStoredStates(names)) {
    const doc = new Y.Doc({ gc: true });
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    out.set(name, doc);
  }
  return out;
}

/** The latest time anything was stored for a document (update or compaction), or null. */
export function lastStoredAt(name: string): Promise<Date | null> {
  return collabStore.lastStoredAt(name);
}

/** Names of every stored document that matches. */
export async function storedDocNames(pattern: RegExp): Promise<string[]> {
  return (await collabStore.storedDocNames()).filter((name) => pattern.test(name));
}

/** Erases every matching document (update log and snapshots); returns their names. */
export async function purgeStoredDocs(pattern: RegExp): Promise<string[]> {
  const names = await storedDocNames(pattern);
  for (const name of names) await collabStore.erase(name);
  return names;
}
