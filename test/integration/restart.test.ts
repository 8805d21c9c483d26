import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, makeCouple } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop();
});

describe('restart', () => {
  it('keeps users, sessions and spaces across a restart on the same data', async () => {
    const first = await startTestServer();
    const { a, b, space } = await makeCouple(first.baseUrl);
    await first.stop();

    server = await startTestServer({ dbName: first.dbName, dataDir: first.dataDir });
    for (const person of [a, b]) {
      const again = new ApiClient(server.baseUrl);
      again.cookie = person.cookie;
      expect((await again.get('/api/me')).body.user.id).toBe(person.user!.id);
      const spaces = (await again.get('/api/spaces')).body.spaces;
      expect(spaces).toEqual([{ ...space, members: space.members }]);
    }
    const login = await new ApiClient(server.baseUrl).post('/api/auth/login', { email: a.user!.email, password: 'correct horse battery' });
    expect(login.status).toBe(200);
  });
});
