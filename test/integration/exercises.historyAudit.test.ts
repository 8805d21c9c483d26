import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../server/src/audit/audit.model';
import { HISTORY_READ_WINDOW_MS } from '../../server/src/counsellor/counsellorHistory';
import { makeCoupleWithCounsellor } from '../helpers/api';
import { ExerciseApp } from './exercise-fixtures/exerciseApp';

// A counsellor's visit reads the exercise history more than once (the journey, page by page,
// and the "Past exercises" list): the partners' access log says so once per visit.
let app: ExerciseApp;
beforeAll(async () => {
  app = await ExerciseApp.start();
});
afterEach(() => app.closePlayers());
afterAll(async () => {
  await app.stop();
});

describe('reading past exercises as a counsellor', () => {
  it('is one access-log entry per visit, however many requests the visit makes', async () => {
    const { a, c, space } = await makeCoupleWithCounsellor(app.server.baseUrl);
    const [pa, pc] = [await app.player(a), await app.player(c)];
    const reads = async () => {
      const entries = (await a.get(`/api/spaces/${space.id}/audit`)).body.entries as Array<{ action: string; actorId: string }>;
      return entries.filter((e) => e.action === 'exercise.history');
    };

    // The journey and the list of one tab ask at the same moment, then the journey's next page.
    const answers = await Promise.all([
      pc.emit('exercise:history', { spaceId: space.id, limit: 50 }),
      pc.emit('exercise:history', { spaceId: space.id }),
    ]);
    expect(answers.every((r) => r.ok)).toBe(true);
    expect((await pc.emit('exercise:history', { spaceId: space.id, limit: 50, before: new Date().toISOString() })).ok).toBe(true);
    // A partner's reads are never logged.
    expect((await pa.emit('exercise:history', { spaceId: space.id })).ok).toBe(true);
    expect((await reads()).map((e) => e.actorId)).toEqual([c.user!.id]);

    // A minute later it is another visit, and logged again.
    await AuditEntry.updateMany(
      { spaceId: space.id, action: 'exercise.history' },
      { $set: { at: new Date(Date.now() - HISTORY_READ_WINDOW_MS - 1000) } },
    );
    expect((await pc.emit('exercise:history', { spaceId: space.id })).ok).toBe(true);
    expect(await reads()).toHaveLength(2);
  });
});
