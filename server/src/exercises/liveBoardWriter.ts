import {
  addCheckin,
  boardDocName,
  confirmPromise,
  itemMapOf,
  markPromise,
  promisesDueSince,
  readItemOfKind,
  renegotiatePromise,
  type BoardActor,
} from '@hearth/shared/board';
import type * as Y from 'yjs';
import type { BoardWriter, CheckinEntry, PromiseSummary } from './boardWriter';

/** Runs a change on a live board document: stored, acknowledged and broadcast like any edit. */
export interface LiveDocs {
  withDoc<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T>;
}

/** Transaction origin of exercise results, so clients' undo managers never undo them. */
const ORIGIN = 'exercise';

/**
 * Exercise results on the live boards. Promises may sit on the "us" or the "us + counsellor"
 * board; check-ins from a together check-in go on "us" (the board's default visibility).
 */
export class LiveBoardWriter implements BoardWriter {
  constructor(
    private readonly docs: LiveDocs,
    private readonly partnersOf: (spaceId: string) => Promise<string[]>,
    private readonly clock: () => number = Date.now,
  ) {}

  private async actor(spaceId: string, userId: string): Promise<BoardActor> {
    return { userId, partnerIds: await this.partnersOf(spaceId) };
  }

  private sharedBoards(spaceId: string): string[] {
    return [boardDocName(spaceId, 'couple', ''), boardDocName(spaceId, 'space', '')];
  }

  /** The shared board that holds a promise; a missing id is a `not_found` like the board's own. */
  private async boardOf(spaceId: string, promiseId: string): Promise<string> {
    for (const name of this.sharedBoards(spaceId)) {
      if (await this.docs.withDoc(name, (doc) => itemMapOf(doc, promiseId) !== undefined)) return name;
    }
    throw Object.assign(new Error('That promise is no longer on the board.'), { code: 'not_found' });
  }

  async addCheckins(spaceId: string, entries: CheckinEntry[]): Promise<void> {
    const actors = await Promise.all(entries.map((e) => this.actor(spaceId, e.userId)));
    await this.docs.withDoc(boardDocName(spaceId, 'couple', ''), (doc) => {
      entries.forEach((e, i) => {
        const input = { mood: e.mood, feelings: e.feelings, need: e.need, ...(e.note ? { note: e.note } : {}) };
        addCheckin(doc, actors[i]!, input, { origin: ORIGIN, now: new Date(e.at) });
      });
    });
  }

  async listPromisesDue(spaceId: string, since: Date): Promise<PromiseSummary[]> {
    const today = new Date(this.clock()).toISOString().slice(0, 10);
    const lists = await Promise.all(
      this.sharedBoards(spaceId).map((name) =>
        this.docs.withDoc(name, (doc) =>
          promisesDueSince(doc, since.toISOString(), today).flatMap(({ promise, periods }) =>
            periods.map((period) => {
              const marked = promise.outcomes[period];
              return {
                id: promise.id,
                text: promise.text,
                promiserId: promise.promiserId,
                promiseeId: promise.promiseeId,
                period,
                status: promise.status,
                outcome: marked?.outcome ?? null,
                confirmed: marked?.confirmedAt != null,
              };
            }),
          ),
        ),
      ),
    );
    return lists.flat().sort((a, b) => a.period.localeCompare(b.period));
  }

  async markPromise(spaceId: string, promiseId: string, period: string, byUserId: string, outcome: 'kept' | 'missed') {
    const [name, actor] = await Promise.all([this.boardOf(spaceId, promiseId), this.actor(spaceId, byUserId)]);
    await this.docs.withDoc(name, (doc) => {
      // Already marked so on the board (after the review listed it): nothing to say twice.
      const marked = readItemOfKind(doc, promiseId, 'promise').outcomes[period];
      if (marked?.outcome === outcome && marked.confirmedAt === null) return;
      markPromise(doc, actor, { itemId: promiseId, outcome, period }, this.opts());
    });
  }

  async confirmPromise(spaceId: string, promiseId: string, period: string, byUserId: string) {
    const [name, actor] = await Promise.all([this.boardOf(spaceId, promiseId), this.actor(spaceId, byUserId)]);
    await this.docs.withDoc(name, (doc) => confirmPromise(doc, actor, { itemId: promiseId, period }, this.opts()));
  }

  async renegotiatePromise(spaceId: string, promiseId: string, byUserId: string, change: { text: string; dueDate?: string }) {
    const [name, actor] = await Promise.all([this.boardOf(spaceId, promiseId), this.actor(spaceId, byUserId)]);
    const input = {
      itemId: promiseId,
      text: change.text,
      ...(change.dueDate ? { cadence: { type: 'once' as const, dueDate: change.dueDate } } : {}),
    };
    const id = await this.docs.withDoc(name, (doc) => renegotiatePromise(doc, actor, input, this.opts()));
    return { promiseId: id };
  }

  private opts() {
    return { origin: ORIGIN, now: new Date(this.clock()) };
  }
}
