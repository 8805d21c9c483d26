import { BASE_62_DIGITS, generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Fractional position keys, compared as plain strings, made by the `fractional-indexing`
 * package (rocicorp; the scheme Figma described). A key is an integer part (a head letter
 * giving its length: 'a' = 1 digit, 'b' = 2 … and 'Z', 'Y' … for negatives) plus an optional
 * base-62 fraction that never ends in '0'. A new key always fits between two different keys,
 * so reordering touches only the moved item and two partners converge. Why the package and
 * not our own copy: docs/board.md, "Position keys".
 */
const KEY_DIGITS = BASE_62_DIGITS;
const ZERO = KEY_DIGITS[0]!;
const SMALLEST_INTEGER = `A${ZERO.repeat(26)}`;

function integerLength(head: string): number | null {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 'a'.charCodeAt(0) + 2;
  if (head >= 'A' && head <= 'Z') return 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2;
  return null;
}

/**
 * Whether a stored value is a well-formed key. Stricter than the package's own check, which
 * does not look at each digit: a key read from a document is untrusted input.
 */
export function isPositionKey(key: string): boolean {
  if (key === '' || key === SMALLEST_INTEGER) return false;
  const length = integerLength(key[0]!);
  if (length === null || length > key.length) return false;
  for (let i = 1; i < key.length; i++) if (!KEY_DIGITS.includes(key[i]!)) return false;
  return key.length === length || !key.endsWith(ZERO);
}

/**
 * A key strictly between `before` and `after` (null = open end). A small random suffix makes
 * two partners who drop items into the same gap at the same time get different keys.
 * Throws when before >= after (the caller rebalances).
 */
export function keyBetween(before: string | null, after: string | null, random: () => number = Math.random): string {
  if (before !== null && !isPositionKey(before)) throw new Error(`invalid position key '${before}'`);
  if (after !== null && !isPositionKey(after)) throw new Error(`invalid position key '${after}'`);
  // The package would swap bounds given in the wrong order; here that means keys collided.
  if (before !== null && after !== null && before >= after) {
    throw new Error(`no key between '${before}' and '${after}'`);
  }
  const key = generateKeyBetween(before, after);
  const first = KEY_DIGITS[Math.floor(random() * KEY_DIGITS.length)]!;
  const last = KEY_DIGITS[1 + Math.floor(random() * (KEY_DIGITS.length - 1))]!;
  const jittered = key + first + last;
  // The suffix keeps the key above `before`; it is dropped if it would pass `after`.
  return after === null || jittered < after ? jittered : key;
}

/** `count` increasing, short keys (to rebalance a list whose keys collided). */
export function spreadKeys(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}
