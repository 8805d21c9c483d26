import http from 'node:http';
import type { Logger } from '../../platform/logger';
import { requestAuthenticator } from '../../auth/sessionUser';
import { SessionStore } from '../../auth/sessions';
import { createSocketServer } from '../../realtime/socketServer';
import type { HearthIo } from '../../realtime/socketServer';
import { registerExerciseHandlers, startExercises, stopExercises } from '../exercises.socket';
import type { ExerciseDeps } from '../exercises.socket';
import { spaceMemberships } from '../spaceMemberships';
import { MemoryBoardWriter } from './memoryBoardWriter';

/**
 * FOR TESTS ONLY: the exercise handlers on a Socket.io server of their own, authenticating
 * with the real session cookies and reading real spaces from the database, with an injected
 * clock and an in-memory board. Mirrors what the app's bootstrap wires.
 */
export interface ExerciseTestServer {
  url: string;
  io: HearthIo;
  board: MemoryBoardWriter;
  close(): Promise<void>;
}

export interface ExerciseTestServerOptions {
  sessionSecret: string;
  logger: Logger;
  clock: () => number;
  /** Keep board documents across a simulated restart. */
  board?: MemoryBoardWriter;
}

export async function startExerciseTestServer(opts: ExerciseTestServerOptions): Promise<ExerciseTestServer> {
  const httpServer = http.createServer();
  const sessions = new SessionStore({ secret: opts.sessionSecret, secureCookies: false });
  const sockets = createSocketServer(httpServer, {
    logger: opts.logger, allowedOrigins: ['http://127.0.0.1'], authenticate: requestAuthenticator(sessions),
  });
  const board = opts.board ?? new MemoryBoardWriter((id) => spaceMemberships.partnersOf(id), opts.clock);
  // A short timer re-check, so moving the injected clock expires deadlines promptly.
  const deps: ExerciseDeps = { logger: opts.logger, memberships: spaceMemberships, board, clock: opts.clock, maxTimerDelayMs: 50 };
  await startExercises(sockets.io, deps);
  sockets.onConnection((socket) => registerExerciseHandlers(sockets.io, socket, deps));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    io: sockets.io,
    board,
    async close() {
      stopExercises(sockets.io);
      await sockets.io.close();
    },
  };
}
