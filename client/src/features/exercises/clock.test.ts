import { describe, expect, it } from 'vitest';
import { ServerClock, formatRemaining } from './clock';

describe('ServerClock', () => {
  it('counts down to a server deadline whatever the local clock says', () => {
    const clock = new ServerClock();
    // The local clock is 5 s behind the server.
    clock.observe(100_000, 95_000);
    expect(clock.remaining(160_000, 95_000)).toBe(60_000);
    expect(clock.remaining(160_000, 155_000)).toBe(0);
  });

  it('keeps the least delayed sample', () => {
    const clock = new ServerClock();
    clock.observe(100_000, 100_300); // arrived 300 ms late
    clock.observe(101_000, 101_010); // arrived 10 ms late
    clock.observe(102_000, 102_500); // late again: ignored
    expect(clock.now(200_000)).toBe(199_990);
  });

  it('formats minutes and seconds', () => {
    expect(formatRemaining(180_000)).toBe('3:00');
    expect(formatRemaining(61_001)).toBe('1:02');
    expect(formatRemaining(0)).toBe('0:00');
  });
});
