import { describe, expect, it } from 'vitest';
import { clockOffset, msLeft } from './clock';

describe('countdown clock', () => {
  it('shows the same time left on two screens whose clocks disagree', () => {
    // The server says 10_000; screen A runs 4 s behind, screen B 3 s ahead; 100 ms round trips.
    const offsetA = clockOffset(10_000, 5_950, 6_050);
    const offsetB = clockOffset(10_000, 12_950, 13_050);
    const state = { deadline: 70_000, paused: false, remainingMs: null };
    expect(msLeft(state, offsetA, 6_050 + 1_000)).toBe(msLeft(state, offsetB, 13_050 + 1_000));
    expect(msLeft(state, offsetA, 6_050 + 1_000)).toBe(58_950);
  });

  it('shows the frozen time while paused and nothing for an untimed step', () => {
    expect(msLeft({ deadline: null, paused: true, remainingMs: 42_000 }, 0, 1)).toBe(42_000);
    expect(msLeft({ deadline: null, paused: false, remainingMs: null }, 0, 1)).toBeNull();
    expect(msLeft({ deadline: 5, paused: false, remainingMs: null }, 0, 100)).toBe(0);
  });
});
