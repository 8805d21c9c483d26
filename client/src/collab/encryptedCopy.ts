import * as Y from 'yjs';
import { openCopy, sealCopy, type SealedCopy } from './copyCrypto';

// Every device copy lives in one IndexedDB database, one record per person and document, as
// AES-GCM ciphertext of the whole document state (never the plain updates).
const DB_NAME = 'hearth-copies';
const STORE = 'docs';
const SAVE_DELAY_MS = 400;

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB open failed'));
  });
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | null): Promise<T | undefined> {
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
  const keys = ((await run('readonly', (s) => s.getAllKeys())) ?? []) as IDBValidKey[];
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
  return (((await run('readonly', (s) => s.getAllKeys())) ?? []) as IDBValidKey[]).filter((k): k is string => typeof k === 'string');
}

/**
 * Mirrors one Y.Doc into its encrypted record: loads it once (if this session's key opens it),
 * then saves the whole state shortly after each change. A record sealed by another session
 * cannot be opened and is replaced.
 */
export class EncryptedCopy {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private readonly generation = generation;
  readonly loaded: Promise<boolean>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly key: CryptoKey,
    private readonly recordKey: string,
    private readonly label: string,
  ) {
    this.loaded = this.load();
    doc.on('update', this.onUpdate);
  }

  private async load(): Promise<boolean> {
    const sealed = (await run('readonly', (s) => s.get(this.recordKey) as IDBRequest<SealedCopy | undefined>).catch(() => undefined)) ?? undefined;
    if (!sealed || this.destroyed) return false;
    const plain = await openCopy(this.key, sealed, this.label);
    if (!plain || this.destroyed) return false;
    Y.applyUpdate(this.doc, plain, this);
    return true;
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this || this.destroyed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  };

  private async save(): Promise<void> {
    this.timer = null;
    if (this.destroyed) return;
    const sealed = await sealCopy(this.key, Y.encodeStateAsUpdate(this.doc), this.label);
    // No await between this check and the write being queued (see deleteAllCopies).
    if (this.destroyed || this.generation !== generation) return;
    await run('readwrite', (s) => s.put(sealed, this.recordKey)).catch(() => undefined);
  }

  /** Stops mirroring; a pending save is written first unless `discard`. */
  async destroy(discard = false): Promise<void> {
    this.doc.off('update', this.onUpdate);
    const pending = this.timer !== null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (pending && !discard) await this.save();
    this.destroyed = true;
  }
}
