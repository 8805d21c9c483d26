import type { SpaceStatus } from '@hearth/shared/socket';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSocket, waitFor, type HearthClientSocket } from '../helpers/socket';
import { startRedis } from './collab-fixtures/redisServer';

// Two Hearth nodes on one database and one Redis: a change made through one node reaches the
// watchers connected to the other, and the one who lost access leaves the room everywhere.
let redis: Awaited<ReturnType<typeof startRedis>>;
let one: TestServer;
let two: TestServer;
const sockets: HearthClientSocket[] = [];

beforeAll(async () => {
  redis = await startRedis();
  one = await startTestServer({ env: { REDIS_URL: redis.url } });
  two = await startTestServer({ dbName: one.dbName, dataDir: one.dataDir, env: { REDIS_URL: redis.url } });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await two?.stop();
  await one?.stop();
  await redis?.stop();
});

/** The same person's session, used against another node (sessions live in the database). */
function on(node: TestServer, api: ApiClient): ApiClient {
  const copy = new ApiClient(node.baseUrl);
  copy.cookie = api.cookie;
  copy.user = api.user;
  return copy;
}

async function watch(node: TestServer, api: ApiClient, spaceId: string) {
  const socket = await connectSocket(node.baseUrl, api.cookie);
  sockets.push(socket);
  const statuses: SpaceStatus[] = [];
  socket.on('space:status', (s) => statuses.push(s));
  const ack = await socket.emitWithAck('status:watch', { spaceId });
  expect(ack.ok).toBe(true);
  return { statuses, latest: () => statuses.at(-1) };
}

it('status pushed by one node reaches watchers on the other, and an ended watcher hears no more', async () => {
  const [a, b, c] = [new ApiClient(one.baseUrl), new ApiClient(one.baseUrl), new ApiClient(one.baseUrl)];
  await a.signup('Alex');
  await b.signup('Sam');
  await c.signup('Dr Rivera');
  const space = await a.createSpace('Alex & Sam');
  await b.accept((await a.invite(space.id, 'partner')).token);
  await c.accept((await a.invite(space.id, 'counsellor')).token);
  for (const p of [a, b])
    expect((await p.post(`/api/spaces/${space.id}/counsellors/${c.user!.id}/consent`, { granted: true })).status).toBe(200);

  const wa = await watch(one, a, space.id);
  const wc = await watch(one, c, space.id);
  // Sam acts through the other node.
  const samOnTwo = on(two, b);
  expect((await samOnTwo.post(`/api/spaces/${space.id}/counsellors/${c.user!.id}/consent`, { granted: false })).status).toBe(200);
  await waitFor(() => wc.latest()?.state === 'ended', 5000, 'counsellor on node one told');
  expect(wc.latest()).toMatchObject({ reason: 'withdrawn', message: 'Your access to Alex & Sam ended: Sam withdrew consent.' });
  await waitFor(
    () => {
      const s = wa.latest();
      return s?.state === 'open' && s.partner?.counsellors[0]?.access === 'withdrawn';
    },
    5000,
    'Alex on node one updated',
  );

  const [seen, alexSeen] = [wc.statuses.length, wa.statuses.length];
  expect((await on(two, a).post(`/api/spaces/${space.id}/invites`, { role: 'counsellor' })).status).toBe(201);
  await waitFor(() => wa.statuses.length > alexSeen, 5000, 'Alex pushed again');
  await new Promise((r) => setTimeout(r, 300));
  expect(wc.statuses.length).toBe(seen);
});
