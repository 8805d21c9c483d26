import { afterEach, expect, it, vi } from 'vitest';
import { Journal, segmentOpenedAt } from './journal';

// The next journal segment is named ahead of rotation (so the write lane can create it off
// the commit path) without ever making a segment look older than it is to other processes.

afterEach(() => {
  vi.useRealTimers();
});

it('rotates into the segment it named ahead of time', () => {
  vi.useFakeTimers({ now: 1_000_000 });
  const journal = new Journal(10_000);
  const first = journal.begin();
  journal.end(first);
  expect(journal.upcoming(2000)).toBeNull();
  vi.setSystemTime(1_008_500);
  const next = journal.upcoming(2000);
  expect(next).not.toBeNull();
  expect(journal.upcoming(2000)).toBe(next);
  expect(journal.owns(next!)).toBe(true);
  vi.setSystemTime(1_010_200);
  expect(journal.begin()).toBe(next);
  expect(journal.closedSegments()).toEqual([first]);
});

it('does not use a name prepared for a rotation long past, and drops it as a closed segment', () => {
  vi.useFakeTimers({ now: 2_000_000 });
  const journal = new Journal(10_000);
  journal.end(journal.begin());
  vi.setSystemTime(2_009_000);
  const stale = journal.upcoming(2000)!;
  vi.setSystemTime(2_060_000);
  const current = journal.begin();
  expect(current).not.toBe(stale);
  expect(segmentOpenedAt(current)).toBe(2_060_000);
  journal.end(current);
  expect(journal.closedSegments()).toContain(stale);
});

it('a load may leave out own segments that never held the document, never another process’s', () => {
  const journal = new Journal(10_000);
  const segment = journal.begin();
  journal.noteWriting(segment, ['space:a']);
  journal.end(segment);
  expect(journal.mayHold(segment, 'space:a')).toBe(true);
  expect(journal.mayHold(segment, 'space:b')).toBe(false);
  expect(journal.mayHold('collab_journal_000000001_abcdef', 'space:b')).toBe(true);
  // Compacted and unloaded: its rows there are covered by its snapshot.
  journal.forgetDoc('space:a');
  expect(journal.mayHold(segment, 'space:a')).toBe(false);
});
