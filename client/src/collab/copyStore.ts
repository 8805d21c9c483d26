// Every device copy lives in one IndexedDB database, one record per person and document, as
// AES-GCM ciphertext of the whole document state (never the plain updates).
const DB_NAME = 'hearth-copies';
const STORE = 'docs';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB open failed'));
  });
}

export function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | null): Promise<T | undefined> {
  return openDb().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = work(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req?.result);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error ?? new Error('indexedDB transaction failed'));
        };
      }),
  );
}

// Bumped by every wipe: a save that started before a wipe is dropped rather than written after it.
let generation = 0;

/** The wipe generation a new copy starts in (see deleteAllCopies). */
export function currentGeneration(): number {
  return generation;
}

/**
 * Deletes every copy on this device. The database itself is deleted: IndexedDB runs that
 * after any save already under way, and saves started later see the new generation and stop.
 */
export function deleteAllCopies(): Promise<void> {
  generation += 1;
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
    req.onblocked = () => undefined;
  });
}

export function copyKey(userId: string, docName: string): string {
  return `${userId}|${docName}`;
}

/** Deletes every record whose key matches (all of them for `() => true`). */
export async function deleteCopies(match: (key: string) => boolean): Promise<void> {
  generation += 1;
  if (typeof indexedDB === 'undefined') return;
  const keys: IDBValidKey[] = (await run('readonly', (s) => s.getAllKeys())) ?? [];
  const doomed = keys.filter((k): k is string => typeof k === 'string' && match(k));
  if (doomed.length === 0) return;
  await run('readwrite', (s) => {
    for (const k of doomed) s.delete(k);
    return null;
  });
}

/** Keys of the copies on this device (tests and the safety centre look at them). */
export async function copyKeys(): Promise<string[]> {
  if (typeof indexedDB === 'undefined') return [];
  const keys: IDBValidKey[] = (await run('readonly', (s) => s.getAllKeys())) ?? [];
  return keys.filter((k): k is string => typeof k === 'string');
}
