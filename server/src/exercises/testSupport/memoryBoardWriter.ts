import * as Y from 'yjs';
import { addCheckin, confirmPromise, markPromise, promisesDueSince, renegotiatePromise } from '@hearth/shared/board';
import type { BoardActor } from '@hearth/shared/board';
import type { BoardWriter, PromiseSummary } from '../boardWriter';

/**
 * FOR TESTS ONLY: a BoardWriter over one plain in-memory Y.Doc per space, using the real board
 * operations (so the board's rules — only the promiser marks, … — apply as in production).
 * The production writer works on the live collab documents instead.
 */
export class MemoryBoardWriter implements BoardWriter {
  readonly docs = new Map<string, Y.Doc>();

  constructor(
    private readonly partnersOf: (spaceId: string) => Promise<string[]>,
    private readonly clock: () => number = Date.now,
  ) {}

  docOf(spaceId: string): Y.Doc {
    let doc = this.docs.get(spaceId);
    if (!doc) this.docs.set(spaceId, (doc = new Y.Doc()));
    return doc;
  }

  private async actor(spaceId: string, userId: string): Promise<BoardActor> {
    return { userId, partnerIds: await this.partnersOf(spaceId) };
  }

  private get opts() {
    return { now: new Date(this.clock()), origin: 'exercise' };
  }

  async addCheckins(spaceId: string, entries: Parameters<BoardWriter['addCheckins']>[1]): Promise<void> {
    const doc = this.docOf(spaceId);
    for (const e of entries) {
      const input = { mood: e.mood, feelings: e.feelings, need: e.need, ...(e.note ? { note: e.note } : {}) };
      addCheckin(doc, await this.actor(spaceId, e.userId), input, { ...this.opts, now: new Date(e.at) });
    }
  }

  async listPromisesDue(spaceId: string, since: Date): Promise<PromiseSummary[]> {
    const today = new Date(this.clock()).toISOString().slice(0, 10);
    const due = promisesDueSince(this.docOf(spaceId), since.toISOString().slice(0, 10), today);
    return due.flatMap(({ promise, periods }) =>
      periods.map((period) => ({
        id: promise.id,
        text: promise.text,
        promiserId: promise.promiserId,
        promiseeId: promise.promiseeId,
        period,
        status: promise.status,
      })),
    );
  }

  async markPromise(spaceId: string, promiseId: string, period: string, byUserId: string, outcome: 'kept' | 'missed') {
    markPromise(this.docOf(spaceId), await this.actor(spaceId, byUserId), { itemId: promiseId, outcome, period }, this.opts);
  }

  async confirmPromise(spaceId: string, promiseId: string, period: string, byUserId: string) {
    confirmPromise(this.docOf(spaceId), await this.actor(spaceId, byUserId), { itemId: promiseId, period }, this.opts);
  }

  async renegotiatePromise(spaceId: string, promiseId: string, byUserId: string, change: { text: string; dueDate?: string }) {
    const input = {
      itemId: promiseId,
      text: change.text,
      ...(change.dueDate ? { cadence: { type: 'once' as const, dueDate: change.dueDate } } : {}),
    };
    return { promiseId: renegotiatePromise(this.docOf(spaceId), await this.actor(spaceId, byUserId), input, this.opts) };
  }
}
