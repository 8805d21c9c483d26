import { afterAll, beforeAll, expect, it } from 'vitest';
import { CloseCode } from '@hearth/shared/realtime';
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
