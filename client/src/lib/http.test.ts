import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpaceResponse, UserResponse } from '@hearth/shared/api';
import { ApiError, NoContent, request } from './http';

function answer(status: number, body?: unknown): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
    ),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('request', () => {
  it('returns an answer that matches its schema', async () => {
    answer(200, { user: { id: 'u1', email: 'sam@example.com', displayName: 'Sam' } });
    await expect(request('GET', '/api/me', UserResponse)).resolves.toEqual({
      user: { id: 'u1', email: 'sam@example.com', displayName: 'Sam' },
    });
  });

  it('refuses an answer of the wrong shape with a clear error naming the call and the field', async () => {
    answer(200, { space: { id: 's1', name: 7 } });
    const error = await request('GET', '/api/spaces/s1', SpaceResponse).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_response', message: expect.stringMatching(/GET \/api\/spaces\/s1[\s\S]*space\.name/) });
  });

  it('accepts an empty answer where none is expected', async () => {
    answer(204);
    await expect(request('POST', '/api/auth/logout', NoContent)).resolves.toBeUndefined();
  });

  it('turns an error answer into an ApiError with its code', async () => {
    answer(404, { error: { code: 'not_found', message: 'No such space.' } });
    await expect(request('GET', '/api/spaces/s1', SpaceResponse)).rejects.toMatchObject({ code: 'not_found', status: 404 });
    answer(500, { error: { code: 'no_such_code', message: 'x' } });
    await expect(request('GET', '/api/spaces/s1', SpaceResponse)).rejects.toMatchObject({ code: 'internal', status: 500 });
  });
});
