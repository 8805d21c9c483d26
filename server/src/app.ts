import http from 'node:http';
import express from 'express';
import helmet from 'helmet';
import { AuthService } from './auth/auth.service';
import { authRoutes } from './auth/auth.routes';
import { loadUser } from './auth/requireUser';
import { requestAuthenticator } from './auth/sessionUser';
import { SessionStore } from './auth/sessions';
import { healthRoutes } from './health/health.routes';
import type { Env } from './platform/env';
import { HearthEvents } from './platform/events';
import { errorMiddleware, notFoundHandler } from './platform/http/errorMiddleware';
import { originGuard, requireJsonBody } from './platform/http/requestGuards';
import { staticClient } from './platform/http/staticClient';
import type { Logger } from './platform/logger';
import { registerPresenceHandlers } from './presence/presence.socket';
import { watchSocketAccess } from './realtime/accessWatcher';
import { createSocketServer } from './realtime/socketServer';
import { spacesRoutes } from './spaces/spaces.routes';
import { createAuditLog } from './audit/audit.service';
import { counsellorRoutes } from './counsellor/counsellor.routes';
import { privacyRoutes } from './privacy/privacy.routes';
import { purgeSpace } from './privacy/spaceErasure';

export interface AppDeps {
  env: Env;
  logger: Logger;
}

export interface Hearth {
  app: express.Express;
  httpServer: http.Server;
  events: HearthEvents;
  /** Resolves once listening; returns the bound port (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, lets in-flight work finish, closes sockets and background work. */
  close(): Promise<void>;
}

/** Builds the whole server (HTTP API, Socket.io, Yjs) without listening or opening the database. */
export function createHearth({ env, logger }: AppDeps): Hearth {
  const events = new HearthEvents();
  const sessions = new SessionStore({ secret: env.sessionSecret, secureCookies: env.secureCookies });
  const auth = new AuthService();
  const authenticate = requestAuthenticator(sessions);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'connect-src': ["'self'", env.publicOrigin.replace(/^http/, 'ws')] },
      },
      // HSTS only makes sense behind https.
      strictTransportSecurity: env.secureCookies,
    }),
  );

  const api = express.Router();
  api.use(originGuard(env.publicOrigin));
  api.use(requireJsonBody);
  api.use(express.json({ limit: '64kb' }));
  api.use(loadUser(sessions));
  api.use(healthRoutes());
  api.use(authRoutes(auth, sessions));
  api.use(
    spacesRoutes({ events, publicOrigin: env.publicOrigin, onSpaceAbandoned: (spaceId) => purgeSpace(spaceId, { events, logger }) }),
  );
  api.use(counsellorRoutes({ events, audit: createAuditLog(logger) }));
  api.use(privacyRoutes({ events, logger, sessions, audit: createAuditLog(logger) }));
  api.use(notFoundHandler);
  app.use('/api', api);

  const client = staticClient();
  if (client) app.use(client);
  app.use(notFoundHandler);
  app.use(errorMiddleware(logger));

  const httpServer = http.createServer(app);
  const sockets = createSocketServer(httpServer, { logger, publicOrigin: env.publicOrigin, authenticate });

  sockets.onConnection((socket) => registerPresenceHandlers(sockets.io, socket, logger));
  const stopWatchingAccess = watchSocketAccess(sockets.io, events, logger);

  const sweep = setInterval(() => {
    sessions.sweepExpired().catch((err: unknown) => logger.warn({ err }, 'session sweep failed'));
  }, 10 * 60_000);
  sweep.unref();

  return {
    app,
    httpServer,
    events,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    async close() {
      clearInterval(sweep);
      stopWatchingAccess();
      auth.close();
      await sockets.io.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
    },
  };
}
