import { describe, expect, it } from 'vitest';
import { isOneOf, isRecord, recordOf } from './index';

describe('guards', () => {
  it('isOneOf accepts only listed values, compared strictly', () => {
    const kinds = ['card', 'promise'] as const;
    expect(isOneOf(kinds, 'card')).toBe(true);
    expect(isOneOf(kinds, 'Card')).toBe(false);
    expect(isOneOf([5, 15] as const, 5)).toBe(true);
    expect(isOneOf([5, 15] as const, '5')).toBe(false);
    expect(isOneOf(kinds, undefined)).toBe(false);
  });

  it('isRecord accepts plain objects only', () => {
    expect(isRecord({ user: 'a' })).toBe(true);
    expect(isRecord(null)).toBe(false);
    expect(isRecord([1])).toBe(false);
    expect(isRecord('text')).toBe(false);
  });

  it('recordOf builds one entry per key', () => {
    expect(recordOf(['a', 'b'] as const, (key) => key.toUpperCase())).toEqual({ a: 'A', b: 'B' });
    const counts = recordOf(['x', 'y'] as const, () => ({ n: 0 }));
    counts.x.n += 1;
    expect(counts.y.n).toBe(0);
  });
});
