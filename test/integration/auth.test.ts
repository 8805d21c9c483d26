import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe('accounts', () => {
  it('signs up, reads the current user, logs out and back in', async () => {
    const api = new ApiClient(server.baseUrl);
    const email = uniqueEmail('ana');
    const signup = await api.post('/api/auth/signup', { email, password: 'a long password', displayName: 'Ana' });
    expect(signup.status).toBe(201);
    expect(signup.body.user).toEqual({ id: expect.any(String), email, displayName: 'Ana' });
    const setCookie = signup.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    expect((await api.get('/api/me')).body.user.email).toBe(email);
    const firstCookie = api.cookie;

    expect((await api.post('/api/auth/logout')).status).toBe(204);
    expect((await api.get('/api/me')).status).toBe(401);
    // The old session is gone on the server, not only in the browser.
    const stale = new ApiClient(server.baseUrl);
    stale.cookie = firstCookie;
    expect((await stale.get('/api/me')).status).toBe(401);

    const login = await api.post('/api/auth/login', { email: email.toUpperCase(), password: 'a long password' });
    expect(login.status).toBe(200);
    expect(api.cookie).not.toBe(firstCookie);
    expect((await api.get('/api/me')).status).toBe(200);
  });

  it('refuses a taken email with 409 email_taken', async () => {
    const api = new ApiClient(server.baseUrl);
    const email = uniqueEmail('dup');
    await api.signup('One', email);
    const again = await new ApiClient(server.baseUrl).post('/api/auth/signup', { email, password: 'another password', displayName: 'Two' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
  });

  it('gives one answer for an unknown email and a wrong password', async () => {
    const api = new ApiClient(server.baseUrl);
    const email = uniqueEmail('known');
    await api.signup('Known', email);
    const wrong = await new ApiClient(server.baseUrl).post('/api/auth/login', { email, password: 'not the password' });
    const unknown = await new ApiClient(server.baseUrl).post('/api/auth/login', {
      email: uniqueEmail('nobody'),
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });

  it('limits failed logins per account with 429', async () => {
    const api = new ApiClient(server.baseUrl);
    const email = uniqueEmail('target');
    await api.signup('Target', email);
    const attacker = new ApiClient(server.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attacker.post('/api/auth/login', { email, password: `guess number ${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    // Even the right password is refused while the account is locked.
    const right = await attacker.post('/api/auth/login', { email, password: 'correct horse battery' });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('rate_limited');
  });
});

describe('bad input', () => {
  it('rejects missing, extra and wrongly typed fields, naming the field', async () => {
    const api = new ApiClient(server.baseUrl);
    const missing = await api.post('/api/auth/signup', { email: uniqueEmail('x'), password: 'a long password' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('displayName') });

    const extra = await api.post('/api/auth/signup', {
      email: uniqueEmail('x'),
      password: 'a long password',
      displayName: 'X',
      admin: true,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain('admin');

    const wrongType = await api.post('/api/auth/signup', { email: uniqueEmail('x'), password: 12345678901, displayName: 'X' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toContain('password');
  });

  it('turns operator injection into a 400 that never reaches the database', async () => {
    const api = new ApiClient(server.baseUrl);
    const res = await api.post('/api/auth/login', { email: { $gt: '' }, password: { $gt: '' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });

  it('answers malformed JSON, wrong content type and oversize bodies with their own codes', async () => {
    const api = new ApiClient(server.baseUrl);
    const malformed = await api.request('POST', '/api/auth/login', '{"email":', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');

    const text = await api.request('POST', '/api/auth/login', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');

    const huge = await api.post('/api/auth/signup', {
      email: uniqueEmail('big'),
      password: 'a long password',
      displayName: 'x'.repeat(200_000),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('refuses mutating requests from a foreign Origin', async () => {
    const evil = new ApiClient(server.baseUrl, 'https://evil.example');
    const res = await evil.post('/api/auth/signup', { email: uniqueEmail('csrf'), password: 'a long password', displayName: 'C' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('bad_origin');
  });

  it('answers unknown routes with the JSON error shape and sets security headers', async () => {
    const res = await new ApiClient(server.baseUrl).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('reports health with the database state', async () => {
    const res = await new ApiClient(server.baseUrl).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok' });
  });
});
