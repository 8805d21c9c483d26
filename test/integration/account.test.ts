import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountSettingsModel } from '../../server/src/auth/accountSettings.model';
import { SignInEvent } from '../../server/src/auth/signInEvent.model';
import { ApiClient, uniqueEmail } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSocket, waitFor } from '../helpers/socket';
import { connectClient } from './collab-fixtures/providers';

// The account safety centre against the real server and database.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const PASSWORD = 'correct horse battery';

async function login(email: string, userAgent: string, password = PASSWORD): Promise<ApiClient> {
  const client = new ApiClient(server.baseUrl);
  const res = await client.request('POST', '/api/auth/login', { email, password }, { 'user-agent': userAgent });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  client.user = res.body.user;
  return client;
}

/** One account signed in on a laptop and a phone. */
async function twoDevices() {
  const email = uniqueEmail('owner');
  await new ApiClient(server.baseUrl).signup('Owner', email, PASSWORD);
  const laptop = await login(email, FIREFOX);
  const phone = await login(email, ANDROID);
  return { email, laptop, phone };
}

describe('signed-in sessions', () => {
  it('lists every session with its device and last use, marking the current one', async () => {
    const { laptop } = await twoDevices();
    const res = await laptop.get('/api/me/sessions');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const sessions = res.body.sessions as Array<{ device: string; current: boolean; lastUsedAt: string; signedInAt: string }>;
    // The signup session too: three in all.
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current).map((s) => s.device)).toEqual(['Firefox on Windows']);
    expect(sessions.map((s) => s.device)).toContain('Chrome on Android');
    expect(sessions.every((s) => Date.parse(s.lastUsedAt) > Date.now() - 60_000)).toBe(true);
  });

  it('signs out one other session, and its live Socket.io and Yjs connections close', async () => {
    const { laptop, phone } = await twoDevices();
    const space = await phone.createSpace('Ours');
    const socket = await connectSocket(server.baseUrl, phone.cookie);
    const board = connectClient(server.wsBase, `private:${space.id}:${phone.user!.id}`, { cookie: phone.cookie, origin: server.baseUrl });
    try {
      await waitFor(() => board.provider.synced, 10_000, 'phone board synced');
      const phoneSession = (await laptop.get('/api/me/sessions')).body.sessions.find(
        (s: { device: string }) => s.device === 'Chrome on Android',
      );
      expect((await laptop.delete(`/api/me/sessions/${phoneSession.id}`)).status).toBe(204);
      expect((await phone.get('/api/me')).status).toBe(401);
      await waitFor(() => !socket.connected, 5000, 'phone socket closed');
      await waitFor(() => board.closes.length > 0, 5000, 'phone Yjs connection closed');
      expect((await laptop.get('/api/me')).status).toBe(200);
    } finally {
      socket.close();
      board.destroy();
    }
  });

  it("refuses to end the current session this way and someone else's session", async () => {
    const { laptop } = await twoDevices();
    const other = await twoDevices();
    const mine = (await laptop.get('/api/me/sessions')).body.sessions.find((s: { current: boolean }) => s.current);
    expect((await laptop.delete(`/api/me/sessions/${mine.id}`)).body.error.code).toBe('invalid_input');
    const theirs = (await other.laptop.get('/api/me/sessions')).body.sessions[0];
    const res = await laptop.delete(`/api/me/sessions/${theirs.id}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect((await other.laptop.get('/api/me')).status).toBe(200);
    expect((await laptop.delete('/api/me/sessions/not-an-id')).status).toBe(404);
  });

  it('signs out every other session at once', async () => {
    const { laptop, phone } = await twoDevices();
    const res = await laptop.delete('/api/me/sessions');
    expect(res.body).toEqual({ ended: 2 });
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await laptop.get('/api/me/sessions')).body.sessions).toHaveLength(1);
  });
});

describe('changing the password', () => {
  it('needs the current password, applies the password rule and ends every other session', async () => {
    const { email, laptop, phone } = await twoDevices();
    const wrong = await laptop.post('/api/me/password', { current: 'not it at all', next: 'a new long passphrase' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect((await laptop.post('/api/me/password', { current: PASSWORD, next: 'short' })).body.error.code).toBe('invalid_input');
    expect((await laptop.post('/api/me/password', { current: PASSWORD, next: PASSWORD })).body.error.code).toBe('invalid_input');
    expect((await laptop.post('/api/me/password', { current: PASSWORD, next: 'x'.repeat(12), extra: 1 })).status).toBe(400);
    expect((await phone.get('/api/me')).status).toBe(200);

    expect((await laptop.post('/api/me/password', { current: PASSWORD, next: 'a new long passphrase' })).status).toBe(204);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await laptop.get('/api/me')).status).toBe(200);
    await expect(login(email, FIREFOX)).rejects.toThrow(/401/);
    await expect(login(email, FIREFOX, 'a new long passphrase')).resolves.toBeTruthy();
  });
});

describe('new sign-in notices', () => {
  it('tell the owner about sign-ins on other devices until acknowledged, and nobody else', async () => {
    const { laptop, phone } = await twoDevices();
    const notices = (await laptop.get('/api/me/sign-ins')).body.signIns;
    expect(notices.map((n: { device: string }) => n.device)).toEqual(['Chrome on Android']);
    // The phone's own sign-in is not news to the phone.
    expect((await phone.get('/api/me/sign-ins')).body.signIns).toEqual([]);
    expect((await laptop.post('/api/me/sign-ins/seen')).status).toBe(204);
    expect((await laptop.get('/api/me/sign-ins')).body.signIns).toEqual([]);
    expect((await new ApiClient(server.baseUrl).get('/api/me/sign-ins')).status).toBe(401);
  });
});

describe('account deletion', () => {
  it('also erases the sign-in records and safety settings', async () => {
    const { laptop } = await twoDevices();
    await laptop.request('PATCH', '/api/me/settings', { appearOffline: true });
    const userId = laptop.user!.id;
    expect(await SignInEvent.countDocuments({ userId })).toBeGreaterThan(0);
    expect((await laptop.delete('/api/me', { password: PASSWORD })).status).toBe(204);
    expect(await SignInEvent.countDocuments({ userId })).toBe(0);
    expect(await AccountSettingsModel.exists({ _id: userId })).toBeNull();
  });
});

describe('safety settings and the device key', () => {
  it('keeps settings per account, validated strictly', async () => {
    const { laptop, phone } = await twoDevices();
    expect((await laptop.get('/api/me/settings')).body.settings).toEqual({ appearOffline: false, idleLockMinutes: 0, neutralTitle: false });
    const res = await laptop.request('PATCH', '/api/me/settings', { idleLockMinutes: 15, neutralTitle: true });
    expect(res.body.settings).toEqual({ appearOffline: false, idleLockMinutes: 15, neutralTitle: true });
    expect((await phone.get('/api/me/settings')).body.settings.idleLockMinutes).toBe(15);
    expect((await laptop.request('PATCH', '/api/me/settings', { idleLockMinutes: 7 })).body.error.code).toBe('invalid_input');
    expect((await laptop.request('PATCH', '/api/me/settings', { theme: 'dark' })).body.error.code).toBe('invalid_input');
  });

  it('takes simultaneous changes from several devices without an error, ending in one of them (10 trials)', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const { laptop, phone } = await twoDevices();
      const results = await Promise.all([
        laptop.request('PATCH', '/api/me/settings', { appearOffline: true }),
        phone.request('PATCH', '/api/me/settings', { appearOffline: false }),
        laptop.request('PATCH', '/api/me/settings', { neutralTitle: true }),
        phone.request('PATCH', '/api/me/settings', { idleLockMinutes: 5 }),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const final = (await laptop.get('/api/me/settings')).body.settings;
      expect(typeof final.appearOffline).toBe('boolean');
    }
  });

  it('ends one session once when it is signed out from two devices at the same moment (10 trials)', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const { laptop, phone, email } = await twoDevices();
      const third = await login(email, FIREFOX);
      const target = (await third.get('/api/me/sessions')).body.sessions.find((s: { current: boolean }) => s.current).id;
      const results = await Promise.all([laptop.delete(`/api/me/sessions/${target}`), phone.delete(`/api/me/sessions/${target}`)]);
      expect(results.map((r) => r.status).sort()).toContain(204);
      for (const r of results) expect([204, 404]).toContain(r.status);
      expect((await third.get('/api/me')).status).toBe(401);
    }
  });

  it('gives each session its own device key, the same for the life of the session', async () => {
    const { email, laptop, phone } = await twoDevices();
    const k1 = (await laptop.get('/api/me/device-key')).body.key as string;
    expect(k1).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await laptop.get('/api/me/device-key')).body.key).toBe(k1);
    expect((await phone.get('/api/me/device-key')).body.key).not.toBe(k1);
    const again = await login(email, FIREFOX);
    expect((await again.get('/api/me/device-key')).body.key).not.toBe(k1);
    expect((await new ApiClient(server.baseUrl).get('/api/me/device-key')).status).toBe(401);
  });

  it('tells anyone where quick exit goes and which helplines to show', async () => {
    const res = await new ApiClient(server.baseUrl).get('/api/safety');
    expect(res.status).toBe(200);
    expect(res.body.quickExitUrl).toMatch(/^https:\/\//);
    expect(res.body.helplines.length).toBeGreaterThan(2);
  });
});
