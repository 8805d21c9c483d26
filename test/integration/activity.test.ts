import {
  acceptPromise,
  acknowledgeCard,
  addCardComment,
  confirmPromise,
  createAppreciation,
  createCard,
  createExperience,
  createPromise,
  markPromise,
  setExperienceStatus,
  writeReflection,
} from '@hearth/shared/board';
import type { ActivityResponse } from '@hearth/shared/activity';
import { docNameOf } from '@hearth/shared/realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExerciseRunModel } from '../../server/src/exercises/exerciseRun.model';
import { makeCouple, makeCoupleWithCounsellor, type ApiClient } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { actor, writeDoc } from './privacy-fixtures/boardDocs';

let now = Date.parse('2026-06-01T10:00:00Z');
const tick = () => new Date((now += 60_000));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ reminders: { clock: () => now, intervalMs: 0 } });
});
afterAll(async () => {
  await server.stop();
});

async function feed(client: ApiClient, spaceId: string, before?: string): Promise<ActivityResponse> {
  const res = await client.get<ActivityResponse>(`/api/spaces/${spaceId}/activity${before ? `?before=${encodeURIComponent(before)}` : ''}`);
  expect(res.status).toBe(200);
  return res.body;
}

describe('activity feed', () => {
  it('tells each partner what the other did, waiting items first, and counts what is unread until read', async () => {
    const c = await makeCouple(server.baseUrl);
    const [a, b] = [c.a.user!.id, c.b.user!.id];
    const both = [a, b];
    const couple = docNameOf({ kind: 'couple', spaceId: c.space.id });
    const ids = { promise: '', boundary: '', exp: '', bcard: '' };
    await writeDoc(couple, (d) => {
      ids.promise = createPromise(
        d,
        actor(a, both),
        { text: 'phone away at dinner', promiseeId: b, cadence: { type: 'once', dueDate: '2026-06-05' } },
        { now: tick() },
      );
      ids.boundary = createCard(d, actor(a, both), { cardType: 'boundary', statement: 'knock first' }, { now: tick() });
      ids.exp = createExperience(d, actor(a, both), { title: 'Pottery class' }, { now: tick() });
      ids.bcard = createCard(d, actor(b, both), { cardType: 'need', statement: 'quiet mornings' }, { now: tick() });
    });
    // Sam has two things waiting: accept Alex's promise, acknowledge Alex's boundary.
    const samBefore = await feed(c.b, c.space.id);
    expect(samBefore.waiting.map((w) => w.kind).sort()).toEqual(['to_accept', 'to_acknowledge']);
    expect(samBefore.events.map((e) => e.text)).toEqual([
      'Alex suggested the experience “Pottery class”',
      'Alex added a boundary card',
      'Alex promised you “phone away at dinner”',
    ]);
    expect(samBefore.unread).toBe(3);

    await writeDoc(couple, (d) => {
      acceptPromise(d, actor(b, both), { itemId: ids.promise }, { now: tick() });
      acknowledgeCard(d, actor(b, both), { itemId: ids.boundary }, { now: tick() });
      addCardComment(d, actor(b, both), { itemId: ids.boundary, text: 'of course' }, { now: tick() });
      acknowledgeCard(d, actor(a, both), { itemId: ids.bcard }, { now: tick() });
      markPromise(d, actor(a, both), { itemId: ids.promise, outcome: 'kept' }, { now: tick() });
      setExperienceStatus(d, actor(a, both), { itemId: ids.exp, status: 'planned' }, { now: tick() });
      setExperienceStatus(d, actor(a, both), { itemId: ids.exp, status: 'done' }, { now: tick() });
      writeReflection(d, actor(a, both), { itemId: ids.exp, enjoyed: 'the clay' }, { now: tick() });
      createAppreciation(d, actor(b, both), { toId: a, text: 'thanks for dinner' }, { now: tick() });
    });
    await ExerciseRunModel.create({
      spaceId: c.space.id,
      kind: 'speaker_listener',
      contentVersion: 1,
      status: 'ended',
      activeKey: `ended-${c.space.id}`,
      phase: 'done',
      paused: false,
      participants: both,
      startedBy: a,
      startedAt: now,
      endedAt: tick().getTime(),
      endedReason: 'completed',
      endedBy: a,
      data: {},
      rev: 1,
    });

    const alex = await feed(c.a, c.space.id);
    expect(alex.events.map((e) => e.text)).toEqual([
      'Sam and you finished a speaker–listener exercise',
      'Sam appreciated you',
      'Sam commented on your boundary',
      'Sam acknowledged your boundary',
      'Sam accepted your promise “phone away at dinner”',
      'Sam added a need card',
    ]);
    expect(alex.waiting).toEqual([]);
    const sam = await feed(c.b, c.space.id);
    expect(sam.waiting.map((w) => w.kind)).toEqual(['to_confirm']);
    expect(sam.events.slice(0, 4).map((e) => e.text)).toEqual([
      'Alex and you finished a speaker–listener exercise',
      'Alex wrote a reflection on “Pottery class”',
      'Alex finished the experience “Pottery class”',
      'Alex marked “phone away at dinner” kept — confirm?',
    ]);
    expect(sam.events.find((e) => e.kind === 'card_acknowledged')!.text).toBe('Alex acknowledged your need');

    // Read per person: Sam reading does not read for Alex.
    expect((await c.b.post(`/api/spaces/${c.space.id}/activity/read`)).status).toBe(204);
    expect((await feed(c.b, c.space.id)).unread).toBe(0);
    expect((await feed(c.a, c.space.id)).unread).toBe(6);
    await writeDoc(couple, (d) => {
      createAppreciation(d, actor(a, both), { toId: b, text: 'for the walk' }, { now: tick() });
    });
    const later = await feed(c.b, c.space.id);
    expect(later.unread).toBe(1);
    expect(later.events[0]).toMatchObject({ text: 'Alex appreciated you', unread: true });

    // Once Sam confirms, the mark no longer asks Sam to.
    await writeDoc(couple, (d) => confirmPromise(d, actor(b, both), { itemId: ids.promise }, { now: tick() }));
    const confirmed = await feed(c.b, c.space.id);
    expect(confirmed.waiting).toEqual([]);
    expect(confirmed.events.filter((e) => e.kind === 'promise_marked').map((e) => e.text)).toEqual([
      'Alex marked “phone away at dinner” kept',
    ]);
  });

  it('shows only documents the viewer can open: no “only me” of the partner, a counsellor sees “us + counsellor” only', async () => {
    const c = await makeCoupleWithCounsellor(server.baseUrl);
    const [a, b] = [c.a.user!.id, c.b.user!.id];
    const both = [a, b];
    await writeDoc(docNameOf({ kind: 'private', spaceId: c.space.id, userId: a }), (d) => {
      createCard(d, actor(a, both), { cardType: 'trigger', statement: 'private trigger' }, { now: tick() });
    });
    await writeDoc(docNameOf({ kind: 'couple', spaceId: c.space.id }), (d) => {
      createExperience(d, actor(a, both), { title: 'Just us' }, { now: tick() });
    });
    await writeDoc(docNameOf({ kind: 'space', spaceId: c.space.id }), (d) => {
      createExperience(d, actor(a, both), { title: 'Shared with counsellor' }, { now: tick() });
    });
    expect((await feed(c.b, c.space.id)).events.map((e) => e.text).sort()).toEqual([
      'Alex suggested the experience “Just us”',
      'Alex suggested the experience “Shared with counsellor”',
    ]);
    const counsellor = await feed(c.c, c.space.id);
    expect(counsellor.events.map((e) => e.text)).toEqual(['Alex suggested the experience “Shared with counsellor”']);
    expect(counsellor.waiting).toEqual([]);
    const stranger = await makeCouple(server.baseUrl);
    const refused = await stranger.a.get(`/api/spaces/${c.space.id}/activity`);
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect((await c.a.get(`/api/spaces/${c.space.id}/activity?before=yesterday`)).body.error.code).toBe('invalid_input');
  });

  it('pages older events with before=', async () => {
    const c = await makeCouple(server.baseUrl);
    const [a, b] = [c.a.user!.id, c.b.user!.id];
    await writeDoc(docNameOf({ kind: 'couple', spaceId: c.space.id }), (d) => {
      for (let i = 0; i < 35; i++) createAppreciation(d, actor(a, [a, b]), { toId: b, text: `thanks ${i}` }, { now: tick() });
    });
    const first = await feed(c.b, c.space.id);
    expect(first.events).toHaveLength(30);
    expect(first.nextBefore).toBe(first.events[29]!.at);
    const second = await feed(c.b, c.space.id, first.nextBefore!);
    expect(second.events).toHaveLength(5);
    expect(second.nextBefore).toBeNull();
    expect(new Set([...first.events, ...second.events].map((e) => e.id)).size).toBe(35);
  });
});
