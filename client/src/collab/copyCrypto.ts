import { isRecord } from '@hearth/shared/guards';

/**
 * The device copy's encryption: AES-GCM with a key the server derives from the session
 * (GET /api/me/device-key). The key never touches storage, so a copy left on a laptop is
 * unreadable without signing in again — and a new sign-in gets a new key.
 */
export interface SealedCopy {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** A record read back from IndexedDB that has the shape `sealCopy` stored. */
export function isSealedCopy(value: unknown): value is SealedCopy {
  return isRecord(value) && value.iv instanceof Uint8Array && value.iv.buffer instanceof ArrayBuffer && value.data instanceof ArrayBuffer;
}

/** The same bytes over a plain ArrayBuffer (what Web Crypto takes); copies only a shared buffer. */
function overArrayBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer ? new Uint8Array(buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
}

export function keyBytesOf(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function importCopyKey(base64url: string): Promise<CryptoKey> {
  const raw = keyBytesOf(base64url);
  if (raw.length !== 32) throw new Error('device key must be 32 bytes');
  // Not extractable: scripts can use the key but never read it back.
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function sealCopy(key: CryptoKey, plain: Uint8Array, label: string): Promise<SealedCopy> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // The document name is bound in, so one document's copy cannot be passed off as another's.
  const additionalData = new TextEncoder().encode(label);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, overArrayBuffer(plain));
  return { iv, data };
}

/** The plain bytes, or null when the copy was sealed with another key (another session). */
export async function openCopy(key: CryptoKey, sealed: SealedCopy, label: string): Promise<Uint8Array | null> {
  try {
    const additionalData = new TextEncoder().encode(label);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData }, key, sealed.data);
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}
