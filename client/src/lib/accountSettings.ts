import { useSyncExternalStore } from 'react';
import { AccountSettingsResponse, type AccountSettings, type AccountSettingsPatch } from '@hearth/shared/api';
import { DEFAULT_ACCOUNT_SETTINGS } from '@hearth/shared/safety';
import { request } from './http';

/**
 * The signed-in person's safety settings (appear offline, idle lock, neutral title): server
 * state shared by every device, mirrored here for the components that act on them.
 */
let current: AccountSettings = { ...DEFAULT_ACCOUNT_SETTINGS };
const listeners = new Set<() => void>();

function set(next: AccountSettings) {
  current = next;
  for (const l of listeners) l();
}

export function getAccountSettings(): AccountSettings {
  return current;
}

export async function loadAccountSettings(): Promise<void> {
  const { settings } = await request('GET', '/api/me/settings', AccountSettingsResponse);
  set(settings);
}

/** Updates in the order they were made: one waits for the one before it to be answered. */
let queue: Promise<unknown> = Promise.resolve();
/** The newest update made; an answer to an older one is not shown (it would undo a newer click). */
let newest = 0;

/**
 * Applied at once (a checkbox must follow the click), then sent after any update before it, so
 * the server ends with the last click; the screen takes the server's answer to the newest
 * update only, or undoes the fields of a refused newest update.
 */
export function updateAccountSettings(patch: AccountSettingsPatch): Promise<AccountSettings> {
  const seq = ++newest;
  const undo = Object.fromEntries(Object.keys(patch).map((key) => [key, current[key as keyof AccountSettings]]));
  set({ ...current, ...patch });
  const sent = queue.then(() => request('PATCH', '/api/me/settings', AccountSettingsResponse, patch));
  queue = sent.catch(() => undefined);
  return sent.then(
    ({ settings }) => {
      if (seq === newest) set(settings);
      return settings;
    },
    (err: unknown) => {
      if (seq === newest) set({ ...current, ...undo });
      throw err;
    },
  );
}

export function resetAccountSettings(): void {
  newest++; // answers to updates made before this are not shown
  set({ ...DEFAULT_ACCOUNT_SETTINGS });
}

export function useAccountSettings(): AccountSettings {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
