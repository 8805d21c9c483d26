import { deleteAllCopies, deleteCopies } from './copyStore';
import { forgetDeviceKey } from './deviceKey';

// "Keep a copy on this device" is a per-device, per-user choice, remembered in localStorage.
// The copies themselves are encrypted (encryptedCopy.ts) and wiped whenever access ends.
const FLAG_PREFIX = 'hearth:keep-copy:';
// Older versions kept plain y-indexeddb databases under these names; they are deleted on sight.
const LEGACY_DB_LIST_KEY = 'hearth:offline-dbs';
const LEGACY_DB_PREFIX = 'hearth:';

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

async function deleteLegacyDbs(): Promise<void> {
  const names = new Set<string>();
  try {
    const listed: unknown = JSON.parse(storage()?.getItem(LEGACY_DB_LIST_KEY) ?? '[]');
    if (Array.isArray(listed)) for (const n of listed) if (typeof n === 'string') names.add(n);
  } catch {
    // a damaged list: the scan below still finds them
  }
  if (typeof indexedDB !== 'undefined' && 'databases' in indexedDB) {
    const all = await indexedDB.databases().catch(() => []);
    for (const db of all) if (db.name?.startsWith(LEGACY_DB_PREFIX)) names.add(db.name);
  }
  await Promise.all([...names].map((name) => deleteDatabase(name)));
  storage()?.removeItem(LEGACY_DB_LIST_KEY);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
  });
}

export async function setKeepCopy(userId: string, enabled: boolean): Promise<void> {
  if (enabled) {
    storage()?.setItem(FLAG_PREFIX + userId, '1');
    return;
  }
  storage()?.removeItem(FLAG_PREFIX + userId);
  await deleteCopies((key) => key.startsWith(`${userId}|`));
}

/** Access to everything ended (logout, session expired or ended elsewhere, account deleted). */
export async function clearOfflineCopies(): Promise<void> {
  forgetDeviceKey();
  const store = storage();
  if (store) {
    for (let i = store.length - 1; i >= 0; i--) {
      const key = store.key(i);
      if (key?.startsWith(FLAG_PREFIX)) store.removeItem(key);
    }
  }
  await Promise.all([deleteAllCopies(), deleteLegacyDbs()]);
}

/** Access to one space ended (left it, it was deleted, access was revoked). */
export async function clearSpaceCopies(spaceId: string): Promise<void> {
  // Record keys are `<userId>|<kind>:<spaceId>[:<userId>]`.
  await deleteCopies((key) => key.split('|')[1]?.split(':')[1] === spaceId).catch(() => undefined);
}
