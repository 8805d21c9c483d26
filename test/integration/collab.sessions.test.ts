import { afterAll, beforeAll, expect, it } from 'vitest';
import { CloseCode } from '@hearth/shared/realtime';
import { Session } from '../../server/src/auth/session.model';
import { ApiClient, makeCouple, type Couple } from '../helpers/api';
import { connectSocket } from '../helpers/socket';
import { startCollabTestServer, type CollabTestServer } from './collab-fixtures/appServer';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';

let server: CollabTestServer;
let couple: Couple;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startCollabTestServer();
  couple = await makeCouple(server.baseUrl);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

it("logging out closes that session's live Yjs and Socket.io connections, and only those", async () => {
  // Alex on a second device: its own session, which must stay connected.
  const laptop = new ApiClient(server.baseUrl);
  const login = await laptop.post('/api/auth/login', { email: couple.a.user!.email, password: 'correct horse battery' });
  expect(login.status).toBe(200);
  const docName = `couple:${couple.space.id}`;
  const phone = connectClient(server.wsBase, docName, { cookie: couple.a.cookie, origin: server.baseUrl });
  const other = connectClient(server.wsBase, docName, { cookie: laptop.cookie, origin: server.baseUrl });
  clients.push(phone, other);
  await waitFor('sync', () => phone.provider.synced && other.provider.synced);
  const phoneSocket = await connectSocket(server.baseUrl, couple.a.cookie);
  const laptopSocket = await connectSocket(server.baseUrl, laptop.cookie);

  expect((await couple.a.post('/api/auth/logout')).status).toBeLessThan(300);
  await waitFor('the Yjs connection to close for good', () => phone.closes.includes(CloseCode.unauthenticated), 5000);
  await waitFor('the socket to be disconnected', () => !phoneSocket.connected, 5000);
  expect(phone.provider.shouldConnect).toBe(false);
  expect(other.provider.wsconnected).toBe(true);
  expect(laptopSocket.connected).toBe(true);
  phoneSocket.close();
  laptopSocket.close();
});

it("an expired session's live connections close at the session sweep, and only those", async () => {
  const tablet = new ApiClient(server.baseUrl);
  expect((await tablet.post('/api/auth/login', { email: couple.b.user!.email, password: 'correct horse battery' })).status).toBe(200);
  const docName = `space:${couple.space.id}`;
  const expiring = connectClient(server.wsBase, docName, { cookie: tablet.cookie, origin: server.baseUrl });
  const staying = connectClient(server.wsBase, docName, { cookie: couple.b.cookie, origin: server.baseUrl });
  clients.push(expiring, staying);
  await waitFor('sync', () => expiring.provider.synced && staying.provider.synced);
  const tabletSocket = await connectSocket(server.baseUrl, tablet.cookie);
  const phoneSocket = await connectSocket(server.baseUrl, couple.b.cookie);

  const current = (await tablet.get('/api/me/sessions')).body.sessions.find((s: { current: boolean }) => s.current);
  await Session.updateOne({ _id: current.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
  expect(await server.hearth.sweepSessions()).toBeGreaterThanOrEqual(1);
  await waitFor('the Yjs connection to close for good', () => expiring.closes.includes(CloseCode.unauthenticated), 5000);
  await waitFor('the socket to be disconnected', () => !tabletSocket.connected, 5000);
  expect(staying.provider.wsconnected).toBe(true);
  expect(phoneSocket.connected).toBe(true);
  tabletSocket.close();
  phoneSocket.close();
});

it("deleting an account closes all of that person's live connections as signed out", async () => {
  const leaving = await makeCouple(server.baseUrl);
  const cookie = leaving.a.cookie;
  const board = connectClient(server.wsBase, `private:${leaving.space.id}:${leaving.a.user!.id}`, { cookie, origin: server.baseUrl });
  const shared = connectClient(server.wsBase, `couple:${leaving.space.id}`, { cookie, origin: server.baseUrl });
  const partner = connectClient(server.wsBase, `couple:${leaving.space.id}`, { cookie: leaving.b.cookie, origin: server.baseUrl });
  clients.push(board, shared, partner);
  await waitFor('sync', () => board.provider.synced && shared.provider.synced && partner.provider.synced);
  const socket = await connectSocket(server.baseUrl, cookie);

  expect((await leaving.a.delete('/api/me', { password: 'correct horse battery' })).status).toBe(204);
  await waitFor(
    'both Yjs connections to close as signed out',
    () => board.closes.includes(CloseCode.unauthenticated) && shared.closes.includes(CloseCode.unauthenticated),
    5000,
  );
  await waitFor('the socket to be disconnected', () => !socket.connected, 5000);
  expect(partner.provider.wsconnected).toBe(true);
  socket.close();
});
