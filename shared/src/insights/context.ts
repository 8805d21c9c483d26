import type { BoardItemOf } from '../board';
import { bucketOf, type Window } from './time';
import type { JourneyInput, Streak } from './types';

/** What every section reads: the items by kind, the window and the couple's calendar. */
export interface InsightContext {
  timeZone: string;
  today: string;
  window: Window;
  promises: BoardItemOf<'promise'>[];
  experiences: BoardItemOf<'experience'>[];
  cards: BoardItemOf<'card'>[];
  /** The cards the partner can see ("us", "us + counsellor"): only these can be understood. */
  sharedCards: BoardItemOf<'card'>[];
  checkins: BoardItemOf<'checkin'>[];
  appreciations: BoardItemOf<'appreciation'>[];
  exercises: JourneyInput['exercises'];
  /** Streaks of recurring promises, computed once and read by the promise section and the timeline. */
  streaks: Streak[];
}

export type ItemsByKind = Pick<InsightContext, 'promises' | 'experiences' | 'cards' | 'sharedCards' | 'checkins' | 'appreciations'>;

/** Archived items count: archiving tidies the board, it does not undo what happened. */
export function byKind(sources: JourneyInput['sources']): ItemsByKind {
  const out: ItemsByKind = { promises: [], experiences: [], cards: [], sharedCards: [], checkins: [], appreciations: [] };
  for (const { item, visibility } of sources) {
    switch (item.kind) {
      case 'promise':
        out.promises.push(item);
        break;
      case 'experience':
        out.experiences.push(item);
        break;
      case 'card':
        out.cards.push(item);
        if (visibility !== 'private') out.sharedCards.push(item);
        break;
      case 'checkin':
        out.checkins.push(item);
        break;
      case 'appreciation':
        out.appreciations.push(item);
        break;
    }
  }
  return out;
}

/** Zeroed buckets for the window, with an index from key to bucket. */
export function emptyBuckets<T extends { key: string }>(
  w: Window,
  make: (key: string) => T,
): { list: T[]; at(date: string): T | undefined } {
  const list = w.keys.map(make);
  const index = new Map(list.map((b) => [b.key, b]));
  return { list, at: (date: string) => (date >= w.from && date <= w.to ? index.get(bucketOf(date, w.unit)) : undefined) };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
