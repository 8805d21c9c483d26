/**
 * How exercises write results into the board. The real implementation works on the live
 * collab documents (so both partners see results appear on the board at once); tests use an
 * in-memory one. Methods throw an error carrying an ErrorCode `code` (e.g. `forbidden`,
 * `not_found`, `conflict`) when the board's own rules refuse the change.
 */
export interface CheckinEntry {
  userId: string;
  mood: number;
  feelings: string[];
  need: string;
  note: string | null;
  /** The reveal time, epoch ms: both check-ins of one session share it. */
  at: number;
  /** The exercise session that produced it, so the board can link back to history. */
  sessionId: string;
}

export interface PromiseSummary {
  id: string;
  text: string;
  promiserId: string;
  promiseeId: string;
  /**
   * The period under review (YYYY-MM-DD: a one-off's due date, the day of a daily promise, the
   * Monday of a weekly one). A repeating promise due several times appears once per period.
   */
  period: string;
  status: string;
  /** How the board has that period already (marked before the review, or meanwhile). */
  outcome?: PromiseOutcome | null;
  confirmed?: boolean;
}

export type PromiseOutcome = 'kept' | 'missed';
export interface RenegotiateChange {
  text: string;
  dueDate?: string;
}

export interface BoardWriter {
  addCheckins(spaceId: string, entries: CheckinEntry[]): Promise<void>;
  /**
   * Accepted promises that came due at or after `since` and are not confirmed, or were marked
   * or confirmed since then; oldest first.
   */
  listPromisesDue(spaceId: string, since: Date): Promise<PromiseSummary[]>;
  markPromise(spaceId: string, promiseId: string, period: string, byUserId: string, outcome: PromiseOutcome): Promise<void>;
  confirmPromise(spaceId: string, promiseId: string, period: string, byUserId: string): Promise<void>;
  /**
   * Replaces a missed promise with a new version linked to the old; returns the new id.
   * `dueDate` (YYYY-MM-DD) gives a one-off promise a new date; without it the cadence is kept.
   */
  renegotiatePromise(spaceId: string, promiseId: string, byUserId: string, change: RenegotiateChange): Promise<{ promiseId: string }>;
}

/** What a reducer asks the board to do; the service runs these before saving the new state. */
export type BoardEffect =
  | { type: 'addCheckins'; entries: CheckinEntry[] }
  | { type: 'markPromise'; promiseId: string; period: string; byUserId: string; outcome: PromiseOutcome }
  | { type: 'confirmPromise'; promiseId: string; period: string; byUserId: string }
  | { type: 'renegotiatePromise'; promiseId: string; byUserId: string; change: RenegotiateChange };

export async function runBoardEffect(board: BoardWriter, spaceId: string, effect: BoardEffect): Promise<void> {
  switch (effect.type) {
    case 'addCheckins':
      return board.addCheckins(spaceId, effect.entries);
    case 'markPromise':
      return board.markPromise(spaceId, effect.promiseId, effect.period, effect.byUserId, effect.outcome);
    case 'confirmPromise':
      return board.confirmPromise(spaceId, effect.promiseId, effect.period, effect.byUserId);
    case 'renegotiatePromise':
      await board.renegotiatePromise(spaceId, effect.promiseId, effect.byUserId, effect.change);
      return;
  }
}
