import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatMoment, relativeTime } from './relativeTime';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

describe('relativeTime', () => {
  it('reads like a person would say it', () => {
    expect(relativeTime('2026-03-10T11:59:30.000Z', NOW)).toBe('just now');
    expect(relativeTime('2026-03-10T11:55:00.000Z', NOW)).toBe('5 min ago');
    expect(relativeTime('2026-03-10T10:00:00.000Z', NOW)).toBe('2 h ago');
    expect(relativeTime('2026-03-09T10:00:00.000Z', NOW)).toBe('yesterday');
    expect(relativeTime('2026-03-06T10:00:00.000Z', NOW)).toBe('4 days ago');
    expect(relativeTime('2026-02-01T10:00:00.000Z', NOW, 'en-GB')).toBe('1 Feb');
  });

  it('treats a clock slightly ahead as now, and ignores garbage', () => {
    expect(relativeTime('2026-03-10T12:00:20.000Z', NOW)).toBe('just now');
    expect(relativeTime('nonsense', NOW)).toBe('');
  });
});

describe('formatCalendarDate', () => {
  it('keeps the day the person meant, in their locale', () => {
    expect(formatCalendarDate('2026-03-14', 'en-GB')).toBe('Sat, 14 Mar 2026');
    expect(formatCalendarDate('2026-03-14', 'en-US')).toBe('Sat, Mar 14, 2026');
  });
});

describe('formatMoment', () => {
  it('uses the weekday within the week and the date before that', () => {
    expect(formatMoment('2026-03-10T09:05:00.000Z', NOW, 'en-GB')).toMatch(/^Tue \d\d:05$/);
    expect(formatMoment('2026-01-10T09:05:00.000Z', NOW, 'en-GB')).toMatch(/^10 Jan 2026, \d\d:05$/);
  });
});
