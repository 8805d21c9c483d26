/**
 * Fractional position keys, compared as plain strings. A key is an integer part (a head letter
 * giving its length: 'a' = 1 digit, 'b' = 2 … and 'Z', 'Y' … for negatives) plus an optional
 * base-62 fraction that never ends in '0'. Appending or prepending steps the integer, so keys
 * stay short; inserting between two keys extends the fraction. This is the scheme of the
 * well-known "fractional-indexing" technique (Figma, rocicorp). A new key always fits between
 * two different keys, so reordering touches only the moved item and two partners converge.
 */
export const KEY_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = KEY_DIGITS.length;
const ZERO = KEY_DIGITS[0]!;
const SMALLEST_INTEGER = `A${ZERO.repeat(26)}`;
const INTEGER_ZERO = `a${ZERO}`;

function digit(ch: string | undefined): number {
  return KEY_DIGITS.indexOf(ch ?? ZERO);
}

function integerLength(head: string): number | null {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 'a'.charCodeAt(0) + 2;
  if (head >= 'A' && head <= 'Z') return 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2;
  return null;
}

function integerPartOf(key: string): string {
  const length = integerLength(key[0] ?? '');
  if (length === null || length > key.length) throw new Error(`invalid position key '${key}'`);
  return key.slice(0, length);
}

export function isPositionKey(key: string): boolean {
  if (key === '' || key === SMALLEST_INTEGER) return false;
  const length = integerLength(key[0]!);
  if (length === null || length > key.length) return false;
  for (let i = 1; i < key.length; i++) if (digit(key[i]) < 0) return false;
  return key.length === length || !key.endsWith(ZERO);
}

/** A fraction strictly between `a` ('' = 0) and `b` (null = 1). Requires a < b. */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while (n < b.length && (a[n] ?? ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = a === '' ? 0 : digit(a[0]);
  const db = b === null ? BASE : digit(b[0]);
  if (db - da > 1) return KEY_DIGITS[Math.round((da + db) / 2)]!;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return KEY_DIGITS[da]! + midpoint(a.slice(1), null);
}

function incrementInteger(x: string): string | null {
  const head = x[0]!;
  const digits = x.slice(1).split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digit(digits[i]) + 1;
    if (d < BASE) {
      digits[i] = KEY_DIGITS[d]!;
      return head + digits.join('');
    }
    digits[i] = ZERO;
  }
  if (head === 'Z') return INTEGER_ZERO;
  if (head === 'z') return null;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  if (next > 'a') digits.push(ZERO);
  else digits.pop();
  return next + digits.join('');
}

function decrementInteger(x: string): string | null {
  const head = x[0]!;
  const digits = x.slice(1).split('');
  const top = KEY_DIGITS[BASE - 1]!;
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digit(digits[i]) - 1;
    if (d >= 0) {
      digits[i] = KEY_DIGITS[d]!;
      return head + digits.join('');
    }
    digits[i] = top;
  }
  if (head === 'a') return `Z${top}`;
  if (head === 'A') return null;
  const next = String.fromCharCode(head.charCodeAt(0) - 1);
  if (next < 'Z') digits.push(top);
  else digits.pop();
  return next + digits.join('');
}

function between(a: string | null, b: string | null): string {
  if (a === null && b === null) return INTEGER_ZERO;
  if (a === null) {
    const ib = integerPartOf(b!);
    const fb = b!.slice(ib.length);
    if (ib === SMALLEST_INTEGER) return ib + midpoint('', fb);
    if (ib < b!) return ib;
    const lower = decrementInteger(ib);
    if (lower === null) throw new Error('cannot place before the smallest key');
    return lower;
  }
  const ia = integerPartOf(a);
  const fa = a.slice(ia.length);
  if (b === null) {
    const higher = incrementInteger(ia);
    return higher === null ? ia + midpoint(fa, null) : higher;
  }
  const ib = integerPartOf(b);
  const fb = b.slice(ib.length);
  if (ia === ib) return ia + midpoint(fa, fb);
  const higher = incrementInteger(ia);
  if (higher === null) throw new Error('cannot place after the largest key');
  return higher < b ? higher : ia + midpoint(fa, null);
}

/**
 * A key strictly between `before` and `after` (null = open end). A small random suffix makes
 * two partners who drop items into the same gap at the same time get different keys.
 * Throws when before >= after (the caller rebalances).
 */
export function keyBetween(before: string | null, after: string | null, random: () => number = Math.random): string {
  if (before !== null && !isPositionKey(before)) throw new Error(`invalid position key '${before}'`);
  if (after !== null && !isPositionKey(after)) throw new Error(`invalid position key '${after}'`);
  if (before !== null && after !== null && before >= after) {
    throw new Error(`no key between '${before}' and '${after}'`);
  }
  const key = between(before, after);
  const first = KEY_DIGITS[Math.floor(random() * BASE)]!;
  const last = KEY_DIGITS[1 + Math.floor(random() * (BASE - 1))]!;
  const jittered = key + first + last;
  // The suffix keeps the key above `before`; it is dropped if it would pass `after`.
  return after === null || jittered < after ? jittered : key;
}

/** `count` increasing, short keys (to rebalance a list whose keys collided). */
export function spreadKeys(count: number): string[] {
  const keys: string[] = [];
  let previous: string | null = null;
  for (let i = 0; i < count; i++) {
    previous = between(previous, null);
    keys.push(previous);
  }
  return keys;
}
