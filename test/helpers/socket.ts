import type { ClientToServerEvents, ServerToClientEvents } from '@hearth/shared/socket';
import { io, type Socket } from 'socket.io-client';

export type HearthClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io-client connection carrying a person's session cookie. */
export function connectSocket(baseUrl: string, cookie: string, origin: string | null = baseUrl): Promise<HearthClientSocket> {
  const socket: HearthClientSocket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { cookie, ...(origin ? { origin } : {}) },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Waits until `predicate` holds, polling; fails after a generous deadline. */
export async function waitFor<T>(
  fn: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
  label = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
