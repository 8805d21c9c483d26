/**
 * Runtime checks that narrow `unknown` (Yjs values, awareness states, DOM input) to Hearth's
 * types, so callers can trust a value after checking it instead of asserting its type.
 */

/** True when `value` is one of `options` (a const list such as a schema's enum values). */
export function isOneOf<T>(options: readonly T[], value: unknown): value is T {
  return options.some((option) => option === value);
}

/** An object whose fields can be read one by one (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with one entry per key, each made by `make`: a typed `Object.fromEntries`. */
export function recordOf<K extends PropertyKey, V>(keys: readonly K[], make: (key: K) => V): Record<K, V> {
  const out: Partial<Record<K, V>> = {};
  for (const key of keys) out[key] = make(key);
  if (!hasEveryKey(keys, out)) throw new Error('recordOf: an entry is missing');
  return out;
}

function hasEveryKey<K extends PropertyKey, V>(keys: readonly K[], value: Partial<Record<K, V>>): value is Record<K, V> {
  return keys.every((key) => key in value);
}
