import { propertyOf } from '../propertyOf';

/**
 * What the MongoDB driver hands back untyped: errors (read by `code`/`codeName`, which
 * MongoDB and FerretDB both set) and binary fields (a `Buffer`, or BSON `Binary`).
 */
const DUPLICATE_KEY = 11000;

/** An insert (or unique index) refused the row because one with that key exists. */
export function isDuplicateKey(err: unknown): boolean {
  return propertyOf(err, 'code') === DUPLICATE_KEY;
}

/** Every row an unordered `insertMany` refused was a duplicate (rows already stored). */
export function onlyDuplicateKeys(err: unknown): boolean {
  const writeErrors = propertyOf(err, 'writeErrors');
  if (isDuplicateKey(err) && !writeErrors) return true;
  return Array.isArray(writeErrors) && writeErrors.length > 0 && writeErrors.every((w: unknown) => isDuplicateKey(w));
}

/** The server's name for an error, e.g. `NamespaceNotFound`. */
export function hasCodeName(err: unknown, codeName: string): boolean {
  return propertyOf(err, 'codeName') === codeName;
}

/** The bytes a BSON `Binary` wraps (the driver returns binary fields as `Binary`), else null. */
export function binaryBytes(value: unknown): Uint8Array | null {
  const bytes = propertyOf(value, 'buffer');
  return bytes instanceof Uint8Array ? bytes : null;
}
