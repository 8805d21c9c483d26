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

/** Applied at once (a checkbox must follow the click), then confirmed or undone by the server. */
export async function updateAccountSettings(patch: AccountSettingsPatch): Promise<AccountSettings> {
  const before = current;
  set({ ...current, ...patch });
  try {
    const { settings } = await request('PATCH', '/api/me/settings', AccountSettingsResponse, patch);
    set(settings);
    return settings;
  } catch (err) {
    set(before);
    throw err;
  }
}

export function resetAccountSettings(): void {
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
