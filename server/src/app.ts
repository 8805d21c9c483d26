import http from 'node:http';
import express from 'express';
import helmet from 'helmet';
import { createAuditLog } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { authRoutes } from './auth/auth.routes';
import { loadUser } from './auth/requireUser';
import { requestAuthenticator } from './auth/sessionUser';
import { SessionStore } from './auth/sessions';
import { attachCollab, createMetricsHandler, type CollabServer } from './collab';
import { auditGatedMemberships, createCounsellorAuditor } from './counsellor/auditHooks';
import { counsellorRoutes } from './counsellor/counsellor.routes';
import { watchCounsellorExpiry } from './counsellor/expiryWatcher';
import type { BoardWriter } from './exercises/boardWriter';
import { registerExerciseHandlers, startExercises, stopExercises, type ExerciseDeps } from './exercises/exercises.socket';
import { LiveBoardWriter } from './exercises/liveBoardWriter';
import { spaceMemberships } from './exercises/spaceMemberships';
import { healthRoutes } from './health/health.routes';
import type { Env } from './platform/env';
import { createLimits } from './platform/limits';
import { databaseAvailability } from './platform/db/availability';
import { databaseGate } from './platform/http/databaseGate';
import { HearthEvents } from './platform/events';
import { errorMiddleware, notFoundHandler } from './platform/http/errorMiddleware';
import { originGuard, requireJsonBody } from './platform/http/requestGuards';
import { staticClient } from './platform/http/staticClient';
import type { Logger } from './platform/logger';
import { registerPresenceHandlers } from './presence/presence.socket';
import { privacyRoutes } from './privacy/privacy.routes';
import { purgeSpace } from './privacy/spaceErasure';
import { watchSocketAccess } from './realtime/accessWatcher';
import { useRedisAdapter } from './realtime/redisAdapter';
import { createSocketServer } from './realtime/socketServer';
import { docAccess } from './spaces/access';
import { spacesRoutes } from './spaces/spaces.routes';

export interface AppDeps {
  env: Env;
  logger: Logger;
  /** Test hooks for exercises: an injected clock, a board writer, a cap on timer delays. */
  exercises?: { clock?: () => number; board?: BoardWriter; maxTimerDelayMs?: number };
}

export interface Hearth {
  app: express.Express;
  httpServer: http.Server;
  events: HearthEvents;
  collab: CollabServer;
  /** Resolves once listening; returns the bound port (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, stores pending edits, closes sockets and background work. */
  close(): Promise<void>;
}

/** Builds the whole server (HTTP API, Socket.io, Yjs) without listening or opening the database. */
export function createHearth({ env, logger, exercises }: AppDeps): Hearth {
  const events = new HearthEvents();
  const sessions = new SessionStore({ secret: env.sessionSecret, secureCookies: env.secureCookies });
  const limits = createLimits(env.redisUrl, logger);
  const auth = new AuthService(limits);
  const authenticate = requestAuthenticator(sessions);
  const audit = createAuditLog(logger);
  const auditor = createCounsellorAuditor(audit, events, logger);

  const app = express();
  const httpServer = http.createServer(app);
  const collab = attachCollab(httpServer, {
    logger,
    authenticate,
    authorize: auditor.authorizeAudited(docAccess),
    events,
    publicOrigin: env.publicOrigin,
    allowedOrigins: env.allowedOrigins,
    limits: { maxFrameBytes: env.maxFrameBytes, maxDocumentBytes: env.maxDocBytes },
    redisUrl: env.redisUrl,
    onOpened: (access) => auditor.documentOpened(access),
    onClosed: (access) => auditor.documentClosed(access),
  });
  const sockets = createSocketServer(httpServer, { logger, allowedOrigins: env.allowedOrigins, authenticate });
  const redis = env.redisUrl ? useRedisAdapter(sockets.io, env.redisUrl, logger) : null;
  const erasure = { events, logger, evictDocuments: (match: (name: string) => boolean) => collab.evictDocuments(match) };

  const exerciseDeps: ExerciseDeps = {
    logger,
    memberships: auditGatedMemberships(spaceMemberships, audit),
    board: exercises?.board ?? new LiveBoardWriter(collab, spaceMemberships.partnersOf, exercises?.clock),
    clock: exercises?.clock,
    maxTimerDelayMs: exercises?.maxTimerDelayMs,
    onObserved: (o) => auditor.exerciseObserved(o),
  };
  sockets.onConnection((socket) => {
    registerPresenceHandlers(sockets.io, socket, logger);
    registerExerciseHandlers(sockets.io, socket, exerciseDeps);
  });
  const stopWatchingAccess = watchSocketAccess(sockets.io, events, logger, () => audit.writable());
  const stopExpiry = watchCounsellorExpiry(events, logger);
  const releaseAvailability = databaseAvailability.start();
  const gate = databaseGate(databaseAvailability);

  app.disable('x-powered-by');
  // X-Forwarded-For decides the client address (and so the per-IP login limit) only when
  // TRUST_PROXY names the proxy; otherwise anyone could pick their own address.
  app.set('trust proxy', env.trustProxy ?? false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'connect-src': ["'self'", env.publicOrigin.replace(/^http/, 'ws')] },
      },
      // HSTS only makes sense behind https.
      strictTransportSecurity: env.secureCookies,
    }),
  );
  app.get('/metrics', createMetricsHandler([collab.metricsRegistry], env.metricsToken));

  const api = express.Router();
  // Every API answer is personal (or says something about an account): never cached.
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(originGuard(env.allowedOrigins));
  api.use(requireJsonBody);
  api.use(express.json({ limit: '64kb' }));
  api.use(healthRoutes(() => collab.dbHealthy(), databaseAvailability));
  // Before anything that reads the database (the session lookup included).
  api.use(gate.handler);
  api.use(loadUser(sessions));
  api.use(authRoutes(auth, sessions));
  api.use(
    spacesRoutes({ events, publicOrigin: env.publicOrigin, onSpaceAbandoned: (spaceId) => purgeSpace(spaceId, erasure) }),
  );
  api.use(counsellorRoutes({ events, audit }));
  api.use(privacyRoutes({ ...erasure, sessions, audit, limits }));
  api.use(notFoundHandler);
  app.use('/api', api);

  const client = staticClient();
  if (client) app.use(client);
  app.use(notFoundHandler);
  app.use(errorMiddleware(logger, databaseAvailability));

  const sweep = setInterval(() => {
    sessions.sweepExpired().catch((err: unknown) => logger.warn({ err }, 'session sweep failed'));
  }, 10 * 60_000);
  sweep.unref();

  return {
    app,
    httpServer,
    events,
    collab,
    async listen(port, host) {
      // Running exercises resume (timers re-armed) before anyone can connect.
      await redis?.ready;
      // Shared login limits from the first request (each node counts alone until Redis answers).
      await Promise.race([limits.ready(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      await startExercises(sockets.io, exerciseDeps);
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
      stopExpiry();
      releaseAvailability();
      gate.close();
      auth.close();
      await limits.close();
      // Pending edits are stored before anything else goes away.
      await collab.close();
      stopExercises(sockets.io);
      await sockets.io.close();
      await redis?.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
    },
  };
}
