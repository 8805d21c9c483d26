import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const TRIALS = 10;
const PASSWORD = 'correct horse battery';

let proxied: TestServer;
let direct: TestServer;
beforeAll(async () => {
  // Behind a proxy on loopback: each trial comes from its own client address.
  proxied = await startTestServer({ env: { TRUST_PROXY: 'loopback' } });
  direct = await startTestServer({ dbName: proxied.dbName });
});
afterAll(async () => {
  await Promise.all([proxied.stop(), direct.stop()]);
});

async function account(server: TestServer): Promise<string> {
  const email = uniqueEmail('owner');
  await new ApiClient(server.baseUrl).signup('Owner', email, PASSWORD);
  return email;
}

function login(server: TestServer, email: string, password: string, ip?: string) {
  return new ApiClient(server.baseUrl).request('POST', '/api/auth/login', { email, password }, ip ? { 'x-forwarded-for': ip } : {});
}

describe('login limits under concurrency', () => {
  it('30 simultaneous wrong passwords for one account: no more than 5 are checked', async () => {
    for (let t = 0; t < TRIALS; t++) {
      const email = await account(proxied);
      // In half the trials the right password is among them, at position 25.
      const tries = Array.from({ length: 30 }, (_, i) => (t % 2 === 0 && i === 24 ? PASSWORD : `wrong guess number ${i}`));
      const answers = await Promise.all(tries.map((p) => login(proxied, email, p, `203.0.113.${t + 1}`)));
      const checked = answers.filter((r) => r.status === 401 || r.status === 200);
      expect(checked.length).toBeLessThanOrEqual(5);
      for (const r of answers.filter((x) => x.status !== 401 && x.status !== 200)) {
        expect(r.status).toBe(429);
        expect(r.body.error.code).toBe('rate_limited');
      }
      expect(answers.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    }
  });

  it('slows guessing down instead of locking the owner out for 15 minutes', async () => {
    const email = await account(proxied);
    for (let i = 0; i < 6; i++) await login(proxied, email, `wrong guess ${i}`, '203.0.113.99');
    // The owner, from another address, is told to wait at most a minute — not 15.
    const refused = await login(proxied, email, PASSWORD, '198.51.100.7');
    expect(refused.status).toBe(429);
    const seconds = Number(/Try again in (\d+) seconds?\./.exec(refused.body.error.message)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY names the proxy', async () => {
    // 40 tries, each for its own (unknown) account and with its own forged address.
    const burst = (server: TestServer, tag: string) =>
      Promise.all(Array.from({ length: 40 }, (_, i) => login(server, uniqueEmail(`${tag}${i}`), 'wrong guess', `192.0.2.${i + 1}`)));
    const ignored = await burst(direct, 'direct');
    expect(ignored.filter((r) => r.status === 401)).toHaveLength(30);
    expect(ignored.filter((r) => r.status === 429)).toHaveLength(10);
    const trusted = await burst(proxied, 'proxied');
    expect(trusted.filter((r) => r.status === 401)).toHaveLength(40);
  });
});

describe('passwords and caching', () => {
  it('refuses common and trivial passwords with a clear message', async () => {
    for (const password of ['aaaaaaaaaa', '          ', 'password12', 'qwertyuiop', 'iloveyou123']) {
      const res = await new ApiClient(proxied.baseUrl).request('POST', '/api/auth/signup', {
        email: uniqueEmail('weak'),
        password,
        displayName: 'Weak',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('weak_password');
      expect(res.body.error.message).toMatch(/^password: .+/);
    }
  });

  it('marks personal API answers no-store', async () => {
    const me = new ApiClient(proxied.baseUrl);
    await me.signup('Cache');
    for (const path of ['/api/me', '/api/spaces']) {
      const res = await me.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
