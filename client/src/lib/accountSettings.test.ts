import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AccountSettings } from '@hearth/shared/api';
import { getAccountSettings, resetAccountSettings, updateAccountSettings } from './accountSettings';

/** A server that applies each PATCH when the test answers it, in the order it was sent. */
function fakeServer() {
  let stored: AccountSettings = { appearOffline: false, idleLockMinutes: 0, neutralTitle: false };
  const waiting: Array<{ patch: Partial<AccountSettings>; answer: (refuse?: boolean) => void }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((resolve) => {
          const patch = JSON.parse(String(init.body)) as Partial<AccountSettings>;
          waiting.push({
            patch,
            answer: (refuse) => {
              if (refuse) {
                resolve(Response.json({ error: { code: 'invalid_input', message: 'Could not save that.' } }, { status: 400 }));
                return;
              }
              stored = { ...stored, ...patch };
              resolve(Response.json({ settings: stored }));
            },
          });
        }),
    ),
  );
  return { waiting, stored: () => stored };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => resetAccountSettings());
afterEach(() => vi.unstubAllGlobals());

it('a quick second click wins on the screen and on the server, whatever the first answer says', async () => {
  const server = fakeServer();
  const first = updateAccountSettings({ neutralTitle: true });
  const second = updateAccountSettings({ neutralTitle: false });
  expect(getAccountSettings().neutralTitle).toBe(false);
  await settle();
  // The second is sent only once the first is answered, so the server ends with the last click.
  expect(server.waiting).toHaveLength(1);
  server.waiting[0]!.answer();
  await first;
  expect(getAccountSettings().neutralTitle).toBe(false);
  await settle();
  expect(server.waiting).toHaveLength(2);
  server.waiting[1]!.answer();
  await second;
  expect(getAccountSettings().neutralTitle).toBe(false);
  expect(server.stored().neutralTitle).toBe(false);
});

it('a refused change is undone on the screen, leaving the other settings as they are', async () => {
  const server = fakeServer();
  const offline = updateAccountSettings({ appearOffline: true });
  await settle();
  server.waiting[0]!.answer();
  await offline;
  const title = updateAccountSettings({ neutralTitle: true });
  expect(getAccountSettings().neutralTitle).toBe(true);
  await settle();
  server.waiting[1]!.answer(true);
  await expect(title).rejects.toThrow();
  expect(getAccountSettings()).toMatchObject({ appearOffline: true, neutralTitle: false });
});
