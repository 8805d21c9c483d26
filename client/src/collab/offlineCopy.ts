import { clearDocument } from 'y-indexeddb';

// "Keep a copy on this device" is a per-device, per-user choice, remembered in localStorage;
// every IndexedDB database Hearth creates is recorded so logout can delete them all.
const FLAG_PREFIX = 'hearth:keep-copy:';
const DB_LIST_KEY = 'hearth:offline-dbs';
const DB_PREFIX = 'hearth:';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function isKeepCopyEnabled(userId: string): boolean {
  return storage()?.getItem(FLAG_PREFIX + userId) === '1';
}

export function offlineDbName(userId: string, docName: string): string {
  return `${DB_PREFIX}${userId}:${docName}`;
}

function recordedDbs(): string[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(DB_LIST_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberOfflineDb(name: string): void {
  const names = recordedDbs();
  if (!names.includes(name)) storage()?.setItem(DB_LIST_KEY, JSON.stringify([...names, name]));
}

async function deleteDbs(filter: (name: string) => boolean): Promise<void> {
  const names = new Set(recordedDbs().filter(filter));
  // Also catch databases from a session whose list was lost (e.g. storage cleared half-way).
  if (typeof indexedDB !== 'undefined' && 'databases' in indexedDB) {
    const all = await indexedDB.databases().catch(() => []);
    for (const db of all) if (db.name?.startsWith(DB_PREFIX) && filter(db.name)) names.add(db.name);
  }
  await Promise.all([...names].map((name) => clearDocument(name).catch(() => undefined)));
  storage()?.setItem(DB_LIST_KEY, JSON.stringify(recordedDbs().filter((n) => !names.has(n))));
}

export async function setKeepCopy(userId: string, enabled: boolean): Promise<void> {
  if (enabled) {
    storage()?.setItem(FLAG_PREFIX + userId, '1');
    return;
  }
  storage()?.removeItem(FLAG_PREFIX + userId);
  await deleteDbs((name) => name.startsWith(`${DB_PREFIX}${userId}:`));
}

/** At logout: nothing of the board stays on the device. */
export async function clearOfflineCopies(): Promise<void> {
  const store = storage();
  if (store) {
    for (let i = store.length - 1; i >= 0; i--) {
      const key = store.key(i);
      if (key?.startsWith(FLAG_PREFIX)) store.removeItem(key);
    }
  }
  await deleteDbs(() => true);
}
