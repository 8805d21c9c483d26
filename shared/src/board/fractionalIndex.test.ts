import { describe, expect, it } from 'vitest';
import { isPositionKey, keyBetween, spreadKeys } from './fractionalIndex';

describe('fractional position keys', () => {
  it('always finds a key between, also when items are prepended', () => {
    let first: string | null = null;
    const seen: string[] = [];
    for (let i = 0; i < 300; i++) {
      first = keyBetween(null, first);
      seen.unshift(first);
    }
    expect([...seen].sort()).toEqual(seen);
    expect(first!.length).toBeLessThanOrEqual(5);
  });

  it('always finds a valid key strictly between two keys', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const keys: string[] = [keyBetween(null, null, random)];
    for (let i = 0; i < 500; i++) {
      const index = Math.floor(random() * (keys.length + 1));
      const key = keyBetween(keys[index - 1] ?? null, keys[index] ?? null, random);
      expect(isPositionKey(key)).toBe(true);
      if (index > 0) expect(key > keys[index - 1]!).toBe(true);
      if (index < keys.length) expect(key < keys[index]!).toBe(true);
      keys.splice(index, 0, key);
    }
    expect([...keys].sort()).toEqual(keys);
  });

  it('keeps keys short when items are appended one after another', () => {
    let last: string | null = null;
    for (let i = 0; i < 300; i++) last = keyBetween(last, null);
    expect(last!.length).toBeLessThanOrEqual(5);
  });

  it('gives two partners dropping into the same gap different keys', () => {
    const a = keyBetween('a1', 'a2', () => 0.1);
    const b = keyBetween('a1', 'a2', () => 0.9);
    expect(a).not.toBe(b);
    for (const k of [a, b]) expect(k > 'a1' && k < 'a2').toBe(true);
  });

  it('refuses when there is no gap', () => {
    expect(() => keyBetween('a2', 'a1')).toThrow(/no key between/);
    expect(() => keyBetween('a1V0', null)).toThrow(/invalid position key/);
    expect(() => keyBetween('V', null)).toThrow(/invalid position key/);
  });

  it('spreads a list evenly with distinct increasing keys', () => {
    const keys = spreadKeys(1000);
    expect(new Set(keys).size).toBe(1000);
    expect([...keys].sort()).toEqual(keys);
    expect(keys.every(isPositionKey)).toBe(true);
  });

  it('keeps placing correctly among keys already stored by earlier versions', () => {
    // Neighbouring keys from boards written before Hearth used the package (jittered and
    // negative ones included), with the key the earlier implementation put between them.
    const stored: [string | null, string | null, string][] = [
      [null, 'Zx', 'Zw'],
      ['Zx', 'ZyDe', 'Zy'],
      ['ZyDe', 'Zz', 'Zyc'],
      ['Zz', 'a00CmS', 'a0'],
      ['a00CmS', 'a0GEV', 'a08'],
      ['a0GEV', 'a1Bbh', 'a1'],
      ['a1Bbh', 'a1nAr', 'a1U'],
      ['a1nAr', 'a2cs', 'a2'],
      ['a2cs', 'a2kow', 'a2g'],
      ['a2kow', 'a2oM', 'a2m'],
      ['a2oM', null, 'a3'],
    ];
    for (const [before, after, earlier] of stored) {
      for (const key of [before, after]) if (key !== null) expect(isPositionKey(key)).toBe(true);
      const key = keyBetween(before, after, () => 0.5);
      expect(key.startsWith(earlier)).toBe(true);
      if (before !== null) expect(key > before).toBe(true);
      if (after !== null) expect(key < after).toBe(true);
    }
  });
});
