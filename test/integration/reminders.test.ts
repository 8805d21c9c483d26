import { acceptPromise, createCard, createPromise, markPromise } from '@hearth/shared/board';
import { DEFAULT_REMINDER_SETTINGS, type NotificationDto, type ReminderSettings } from '@hearth/shared/reminders';
import { docNameOf } from '@hearth/shared/realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationModel, ReminderSettingsModel } from '../../server/src/reminders/reminder.model';
import { makeCouple, type ApiClient, type Couple } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSocket, waitFor } from '../helpers/socket';
import { actor, writeDoc } from './privacy-fixtures/boardDocs';
import { startRedis } from './collab-fixtures/redisServer';

// Monday 1 June 2026, 10:00 UTC. Every server here reads this clock; no test waits for real time.
const MONDAY = Date.parse('2026-06-01T10:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let now = MONDAY;
const clock = () => now;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ reminders: { clock, intervalMs: 0 } });
});
afterAll(async () => {
  await server.stop();
});

const everyKindOff = { promiseDue: false, confirmPeriod: false, weeklyReview: false, dailyCheckin: false, waitingOnMe: false };

async function settle(client: ApiClient, patch: Partial<ReminderSettings>): Promise<void> {
  const res = await client.request('PUT', '/api/me/reminder-settings', { ...DEFAULT_REMINDER_SETTINGS, quietHours: null, ...patch });
  expect(res.status).toBe(200);
}

async function inbox(client: ApiClient): Promise<NotificationDto[]> {
  const res = await client.get<{ notifications: NotificationDto[]; unread: number }>('/api/notifications');
  expect(res.status).toBe(200);
  return res.body.notifications;
}

const ids = (c: Couple): [string, string] => [c.a.user!.id, c.b.user!.id];
const couple = (c: Couple) => docNameOf({ kind: 'couple', spaceId: c.space.id });

/** Alex promises Sam something once, due on `dueDate`; Sam accepts. Returns the item id. */
async function acceptedPromise(c: Couple, text: string, dueDate: string, doc = couple(c)): Promise<string> {
  const [a, b] = ids(c);
  let id = '';
  await writeDoc(doc, (d) => {
    id = createPromise(d, actor(a, [a, b]), { text, promiseeId: b, cadence: { type: 'once', dueDate } }, { now: new Date(now) });
    if (!doc.startsWith('private')) acceptPromise(d, actor(b, [a, b]), { itemId: id }, { now: new Date(now) });
  });
  return id;
}

describe('reminder settings', () => {
  it('answers the defaults, keeps what the person saves and refuses what does not fit', async () => {
    const c = await makeCouple(server.baseUrl);
    const first = await c.a.get('/api/me/reminder-settings');
    expect(first.body.settings).toEqual(DEFAULT_REMINDER_SETTINGS);
    expect(first.body.settings.weeklyCap).toBe(7);
    await settle(c.a, { timeZone: 'Europe/Lisbon', weeklyCap: 3 });
    expect((await c.a.get('/api/me/reminder-settings')).body.settings).toMatchObject({ timeZone: 'Europe/Lisbon', weeklyCap: 3 });
    // The partner's settings are their own.
    expect((await c.b.get('/api/me/reminder-settings')).body.settings.weeklyCap).toBe(7);
    const bad = await c.a.request('PUT', '/api/me/reminder-settings', { ...DEFAULT_REMINDER_SETTINGS, timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('timeZone') } });
    const extra = await c.a.request('PUT', '/api/me/reminder-settings', { ...DEFAULT_REMINDER_SETTINGS, spam: true });
    expect(extra.body.error.code).toBe('invalid_input');
  });
});

describe('reminder kinds', () => {
  it('a one-off promise due today reaches the promiser once, on its day, and never the partner', async () => {
    now = MONDAY - DAY;
    const c = await makeCouple(server.baseUrl);
    await acceptedPromise(c, 'phone away at dinner', '2026-06-01');
    await settle(c.b, { kinds: { ...everyKindOff, promiseDue: true } });
    await server.hearth.reminders.tick();
    expect(await inbox(c.a)).toEqual([]);
    now = MONDAY;
    await server.hearth.reminders.tick();
    await server.hearth.reminders.tick();
    const got = await inbox(c.a);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ kind: 'promiseDue', read: false, spaceId: c.space.id, link: `/spaces/${c.space.id}` });
    expect(got[0]!.text).toContain('phone away at dinner');
    expect(got[0]!.text).toContain('due today');
    expect(await inbox(c.b)).toEqual([]);
  });

  it('a marked promise asks the promisee to confirm; after two days it is also waiting on them', async () => {
    now = MONDAY;
    const c = await makeCouple(server.baseUrl);
    const [a, b] = ids(c);
    const id = await acceptedPromise(c, 'walk together', '2026-06-01');
    await writeDoc(couple(c), (d) => markPromise(d, actor(a, [a, b]), { itemId: id, outcome: 'kept' }, { now: new Date(now) }));
    await server.hearth.reminders.tick();
    const got = await inbox(c.b);
    expect(got.map((n) => n.kind)).toEqual(['confirmPeriod']);
    expect(got[0]!.text).toMatch(/^Alex marked “walk together” kept .* — confirm\?$/);
    now = MONDAY + 2 * DAY + HOUR;
    await server.hearth.reminders.tick();
    expect((await inbox(c.b)).map((n) => n.kind).sort()).toEqual(['confirmPeriod', 'waitingOnMe']);
  });

  it('a proposed promise and an unacknowledged card wait on the partner for two days first', async () => {
    now = MONDAY;
    const c = await makeCouple(server.baseUrl);
    const [a, b] = ids(c);
    await writeDoc(couple(c), (d) => {
      createPromise(d, actor(a, [a, b]), { text: 'cook on Fridays', promiseeId: b, cadence: { type: 'weekly' } }, { now: new Date(now) });
      createCard(d, actor(a, [a, b]), { cardType: 'boundary', statement: 'no phones in bed' }, { now: new Date(now) });
    });
    now = MONDAY + DAY;
    await server.hearth.reminders.tick();
    expect(await inbox(c.b)).toEqual([]);
    now = MONDAY + 2 * DAY + HOUR;
    await server.hearth.reminders.tick();
    const texts = (await inbox(c.b)).map((n) => n.text).sort();
    expect(texts).toEqual([
      "Alex's boundary card is waiting for your “I understand”.",
      "Alex's promise “cook on Fridays” is waiting for you to accept it.",
    ]);
    expect(await inbox(c.a)).toEqual([]);
  });

  it('the daily check-in comes at the time each partner picked, once a day; the weekly review on Sunday evening', async () => {
    now = Date.parse('2026-06-07T06:00:00Z'); // Sunday
    const c = await makeCouple(server.baseUrl);
    await settle(c.a, {
      kinds: { ...everyKindOff, dailyCheckin: true, weeklyReview: true },
      checkinTime: '09:30',
      timeZone: 'Europe/Lisbon',
    });
    await server.hearth.reminders.tick(); // 07:00 in Lisbon
    expect(await inbox(c.a)).toEqual([]);
    now = Date.parse('2026-06-07T08:45:00Z'); // 09:45 in Lisbon
    await server.hearth.reminders.tick();
    await server.hearth.reminders.tick();
    expect((await inbox(c.a)).map((n) => n.kind)).toEqual(['dailyCheckin']);
    now = Date.parse('2026-06-07T17:30:00Z'); // 18:30 in Lisbon
    await server.hearth.reminders.tick();
    expect((await inbox(c.a)).map((n) => n.kind).sort()).toEqual(['dailyCheckin', 'weeklyReview']);
    now = Date.parse('2026-06-08T08:45:00Z'); // Monday 09:45
    await server.hearth.reminders.tick();
    expect((await inbox(c.a)).filter((n) => n.kind === 'dailyCheckin')).toHaveLength(2);
    // Opt-in: Sam left both off and got nothing.
    expect(await inbox(c.b)).toEqual([]);
  });
});

describe('nudges, not nagging', () => {
  it('nothing arrives in quiet hours; it comes when they end', async () => {
    now = Date.parse('2026-06-01T22:30:00Z'); // 23:30 in Lisbon
    const c = await makeCouple(server.baseUrl);
    await settle(c.a, { timeZone: 'Europe/Lisbon', quietHours: { from: '22:00', to: '08:00' } });
    await acceptedPromise(c, 'call your mum', '2026-06-01');
    await server.hearth.reminders.tick();
    now = Date.parse('2026-06-02T06:30:00Z'); // 07:30
    await server.hearth.reminders.tick();
    expect(await inbox(c.a)).toEqual([]);
    now = Date.parse('2026-06-02T07:05:00Z'); // 08:05
    await server.hearth.reminders.tick();
    const got = await inbox(c.a);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain('was due');
  });

  it('the weekly cap holds, and a new week starts a new count', async () => {
    now = MONDAY;
    const c = await makeCouple(server.baseUrl);
    await settle(c.a, { weeklyCap: 2 });
    for (const day of ['2026-05-28', '2026-05-29', '2026-05-30', '2026-05-31']) await acceptedPromise(c, `promise of ${day}`, day);
    await server.hearth.reminders.tick();
    await server.hearth.reminders.tick();
    expect(await inbox(c.a)).toHaveLength(2);
    now = MONDAY + 7 * DAY;
    await server.hearth.reminders.tick();
    expect(await inbox(c.a)).toHaveLength(4);
  });

  it('never carries the content of the partner’s “only me” items', async () => {
    now = MONDAY;
    const c = await makeCouple(server.baseUrl);
    const [a] = ids(c);
    const secret = `canary-${Math.random().toString(36).slice(2)}`;
    await acceptedPromise(c, `${secret} (shared)`, '2026-06-01');
    await writeDoc(docNameOf({ kind: 'private', spaceId: c.space.id, userId: a }), (d) => {
      createCard(d, actor(a, ids(c)), { cardType: 'trigger', statement: secret }, { now: new Date(MONDAY - 5 * DAY) });
    });
    await settle(c.b, { kinds: { ...DEFAULT_REMINDER_SETTINGS.kinds, weeklyReview: true, dailyCheckin: true } });
    now = MONDAY + 3 * DAY;
    await server.hearth.reminders.tick();
    const sams = await inbox(c.b);
    expect(sams.every((n) => !n.text.includes(secret))).toBe(true);
    expect((await inbox(c.a)).some((n) => n.text.includes(secret))).toBe(true);
  });
});

describe('the notification centre', () => {
  it('marks one read, updates every open tab live, and keeps another person’s notifications out of reach', async () => {
    now = MONDAY;
    const c = await makeCouple(server.baseUrl);
    await acceptedPromise(c, 'water the plants', '2026-06-01');
    const tab = await connectSocket(server.baseUrl, c.a.cookie);
    const seen: number[] = [];
    tab.on('notifications:changed', (p) => seen.push(p.unread));
    try {
      await server.hearth.reminders.tick();
      await waitFor(() => seen.includes(1), 10_000, 'the live unread count');
      const [n] = await inbox(c.a);
      expect((await c.b.post(`/api/notifications/${n!.id}/read`)).body.error.code).toBe('not_found');
      expect((await c.a.post('/api/notifications/not-an-id/read')).status).toBe(404);
      const read = await c.a.post(`/api/notifications/${n!.id}/read`);
      expect(read.body).toEqual({ unread: 0 });
      await waitFor(() => seen.at(-1) === 0, 10_000, 'the count going back to 0');
      expect((await inbox(c.a))[0]!.read).toBe(true);
      expect((await c.a.post(`/api/notifications/${n!.id}/read`)).body).toEqual({ unread: 0 });
    } finally {
      tab.close();
    }
  });
});

describe('erasure', () => {
  it('nothing fires after a space is deleted, and deleting an account removes its notifications and settings', async () => {
    now = MONDAY;
    const c = await makeCouple(server.baseUrl);
    await acceptedPromise(c, 'tidy the hall', '2026-06-01');
    await settle(c.a, { weeklyCap: 5 });
    await server.hearth.reminders.tick();
    expect(await NotificationModel.countDocuments({ spaceId: c.space.id })).toBe(1);
    expect((await c.a.delete(`/api/spaces/${c.space.id}`)).status).toBe(202);
    expect((await c.b.delete(`/api/spaces/${c.space.id}`)).status).toBe(204);
    expect(await NotificationModel.countDocuments({ spaceId: c.space.id })).toBe(0);
    now = MONDAY + 3 * DAY;
    await server.hearth.reminders.tick();
    for (const userId of ids(c)) expect(await NotificationModel.countDocuments({ userId })).toBe(0);

    const d = await makeCouple(server.baseUrl);
    await acceptedPromise(d, 'sleep early', '2026-06-04');
    await settle(d.a, { weeklyCap: 5 });
    await server.hearth.reminders.tick();
    expect(await NotificationModel.countDocuments({ userId: d.a.user!.id })).toBe(1);
    expect((await d.a.delete('/api/me', { password: 'correct horse battery' })).status).toBe(204);
    expect(await NotificationModel.countDocuments({ userId: d.a.user!.id })).toBe(0);
    expect(await ReminderSettingsModel.countDocuments({ _id: d.a.user!.id })).toBe(0);
    await server.hearth.reminders.tick();
    expect(await NotificationModel.countDocuments({ userId: d.a.user!.id })).toBe(0);
  });
});

describe('several nodes', () => {
  it('two servers on one database and Redis deliver each reminder exactly once, and the count reaches a tab on the other node', async () => {
    const redis = await startRedis();
    const env = { REDIS_URL: redis.url };
    const one = await startTestServer({ dbName: server.dbName, env, reminders: { clock, intervalMs: 0 } });
    const two = await startTestServer({ dbName: server.dbName, env, reminders: { clock, intervalMs: 0 } });
    try {
      now = MONDAY;
      const c = await makeCouple(one.baseUrl);
      await settle(c.a, { kinds: { ...everyKindOff, dailyCheckin: true }, checkinTime: '09:00', weeklyCap: 50 });
      const tab = await connectSocket(two.baseUrl, c.a.cookie);
      let pushes = 0;
      tab.on('notifications:changed', (p) => {
        if (p.added) pushes++;
      });
      try {
        for (let trial = 0; trial < 10; trial++) {
          now = MONDAY + trial * DAY;
          await Promise.all([one.hearth.reminders.tick(), two.hearth.reminders.tick(), one.hearth.reminders.tick()]);
        }
        const got = await inbox(c.a);
        expect(got).toHaveLength(10);
        expect(new Set(got.map((n) => n.at)).size).toBe(10);
        await waitFor(() => pushes === 10, 10_000, 'a push per reminder on the other node');
      } finally {
        tab.close();
      }

      // The cap's last slot is taken by one node only.
      now = MONDAY + 30 * DAY;
      const d = await makeCouple(one.baseUrl);
      await settle(d.a, { weeklyCap: 3 });
      for (let i = 0; i < 6; i++) await acceptedPromise(d, `promise ${i}`, '2026-06-20');
      await Promise.all([one.hearth.reminders.tick(), two.hearth.reminders.tick()]);
      expect(await inbox(d.a)).toHaveLength(3);
    } finally {
      await one.stop();
      await two.stop();
      await redis.stop();
    }
  });
});
