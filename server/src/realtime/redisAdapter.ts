import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logger } from '../platform/logger';
import type { HearthIo } from './socketServer';

/**
 * Socket.io across several nodes: rooms, broadcasts and `fetchSockets()` go through Redis
 * pub/sub, so presence, exercise state and access revocation reach every node's sockets.
 */
export function useRedisAdapter(io: HearthIo, url: string, logger: Logger): { ready: Promise<void>; close(): Promise<void> } {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  pub.on('error', (err) => logger.warn({ err }, 'socket.io redis (pub) error'));
  sub.on('error', (err) => logger.warn({ err }, 'socket.io redis (sub) error'));
  const ready = Promise.all([pub.connect(), sub.connect()]).then(() => {
    io.adapter(createAdapter(pub, sub));
  });
  return {
    ready,
    async close() {
      await ready.catch(() => undefined);
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}
