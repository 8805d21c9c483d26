import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import { pino } from 'pino';
import {
  createCollabServer,
  createMongoCollabStore,
  type CollabServerOptions,
  type CollabGrant,
  type CollabServer,
  type CollabUser,
} from '../../../server/src/collab';
import { HearthEvents } from '../../../server/src/platform/events';
import type { ParsedDocName } from '@hearth/shared/realtime';

export const TEST_ORIGIN = 'http://hearth.test';

/**
 * The collab module alone on a real HTTP server and the real database (mongoose must be
 * connected), with test identities: the `x-test-user` header names the user, and `grant`
 * decides access. Used where the full app's sign-up flow would only add noise.
 */
export interface CollabHarness {
  /** ws://127.0.0.1:<port>/yjs, the provider's serverUrl. */
  wsBase: string;
  port: number;
  collab: CollabServer;
  events: HearthEvents;
  headersFor(userId: string): Record<string, string>;
  stop(): Promise<void>;
}

export async function startCollabHarness(
  grant: (user: CollabUser, doc: ParsedDocName) => CollabGrant | null,
  options: Partial<Pick<CollabServerOptions, 'limits' | 'unloadDelayMs' | 'compactEvery' | 'batchDelayMs' | 'redisUrl'>> = {},
): Promise<CollabHarness> {
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const events = new HearthEvents();
  const collab = createCollabServer({
    httpServer: server,
    store: createMongoCollabStore(),
    hooks: {
      authenticate: async (req: IncomingMessage) => {
        const id = req.headers['x-test-user'];
        return typeof id === 'string' ? { id, email: `${id}@hearth.test`, displayName: `User ${id.slice(-4)}` } : null;
      },
      authorize: async (user: CollabUser, doc: ParsedDocName) => grant(user, doc),
    },
    logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
    events,
    publicOrigin: TEST_ORIGIN,
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    wsBase: `ws://127.0.0.1:${port}/yjs`,
    port,
    collab,
    events,
    headersFor: (userId) => ({ 'x-test-user': userId, origin: TEST_ORIGIN }),
    async stop() {
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
