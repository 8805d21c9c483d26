/**
 * Fractional position keys: base-62 strings read as the digits of a fraction in (0, 1), never
 * ending in '0', so plain string comparison is numeric order. A new key always fits between two
 * different keys, so reordering touches only the moved item and two partners' moves converge.
 */
export const KEY_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ZERO = KEY_DIGITS[0]!;
const KEY_PATTERN = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

export function isPositionKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

function digitAt(key: string, i: number): number {
  return KEY_DIGITS.indexOf(key[i] ?? ZERO);
}

/** A key strictly between `a` ('' = 0) and `b` (null = 1). Requires a < b. */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Shared leading digits stay; `a` is padded with zeros while comparing.
    let n = 0;
    while (n < b.length && (a[n] ?? ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = a === '' ? 0 : digitAt(a, 0);
  const db = b === null ? KEY_DIGITS.length : digitAt(b, 0);
  if (db - da > 1) return KEY_DIGITS[Math.round((da + db) / 2)]!;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return KEY_DIGITS[da]! + midpoint(a.slice(1), null);
}

function randomSuffix(random: () => number): string {
  // Two digits, the last one non-zero, so the key stays valid.
  const first = KEY_DIGITS[Math.floor(random() * KEY_DIGITS.length)]!;
  const last = KEY_DIGITS[1 + Math.floor(random() * (KEY_DIGITS.length - 1))]!;
  return first + last;
}

/** The shortest key above `key`: bump the first digit that can be bumped (appending stays short). */
function stepUp(key: string): string {
  for (let i = 0; i < key.length; i++) {
    const d = digitAt(key, i);
    if (d < KEY_DIGITS.length - 1) return key.slice(0, i) + KEY_DIGITS[d + 1]!;
  }
  return midpoint(key, null);
}

/** The shortest key below `key` found the same way, or the midpoint from zero. */
function stepDown(key: string): string {
  for (let i = 0; i < key.length; i++) {
    const d = digitAt(key, i);
    if (d > 1) return key.slice(0, i) + KEY_DIGITS[d - 1]!;
  }
  return midpoint('', key);
}

/**
 * A key strictly between `before` and `after` (null = open end). At an open end the key steps
 * by one digit, so appending many items keeps keys short. A small random suffix makes two
 * partners who drop items into the same gap at the same time get different keys.
 * Throws when before >= after (the caller rebalances).
 */
export function keyBetween(
  before: string | null,
  after: string | null,
  random: () => number = Math.random,
): string {
  if (before !== null && !isPositionKey(before)) throw new Error(`invalid position key '${before}'`);
  if (after !== null && !isPositionKey(after)) throw new Error(`invalid position key '${after}'`);
  if (before !== null && after !== null && before >= after) {
    throw new Error(`no key between '${before}' and '${after}'`);
  }
  let key: string;
  if (before !== null && after === null) key = stepUp(before);
  else if (before === null && after !== null) key = stepDown(after);
  else key = midpoint(before ?? '', after);
  // Appending to `key` keeps it below `after` unless `key` is a prefix of `after`.
  for (let guard = 0; after !== null && after.startsWith(key) && guard < 8; guard++) {
    key = midpoint(key, after);
  }
  const jittered = key + randomSuffix(random);
  return after === null || jittered < after ? jittered : key;
}

/** `count` increasing keys of equal length, evenly spread (to rebalance collided keys). */
export function spreadKeys(count: number): string[] {
  let length = 1;
  while (KEY_DIGITS.length ** length <= count + 1) length++;
  const space = KEY_DIGITS.length ** length;
  const keys: string[] = [];
  for (let i = 1; i <= count; i++) {
    let value = Math.floor((i * space) / (count + 1));
    let key = '';
    for (let d = 0; d < length; d++) {
      key = KEY_DIGITS[value % KEY_DIGITS.length]! + key;
      value = Math.floor(value / KEY_DIGITS.length);
    }
    keys.push(key.replace(/0+$/, ''));
  }
  return keys;
}
