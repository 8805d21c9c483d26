import { DeviceKeyResponse } from '@hearth/shared/api';
import { request } from '../lib/http';
import { importCopyKey } from './copyCrypto';

let key: Promise<CryptoKey | null> | null = null;

/**
 * This session's device-copy key, fetched once per page load and kept in memory only. Null
 * when it cannot be had (offline, signed out): then no copy is read or written.
 */
export function deviceKey(): Promise<CryptoKey | null> {
  key ??= request('GET', '/api/me/device-key', DeviceKeyResponse)
    .then(({ key: raw }) => importCopyKey(raw))
    .catch(() => {
      key = null;
      return null;
    });
  return key;
}

/** At sign-out and sign-in: the next copy uses the new session's key. */
export function forgetDeviceKey(): void {
  key = null;
}
