import http from 'node:http';
import express from 'express';
import helmet from 'helmet';
import type * as Y from 'yjs';
import { createAuditLog } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { accountRoutes } from './auth/account.routes';
import { AccountService } from './auth/account.service';
import type { SessionStore } from './auth/sessions';
import { authRoutes } from './auth/auth.routes';
import { loadUser } from './auth/requireUser';
import { requestAuthenticator } from './auth/sessionUser';
import {
  createBoardValidator,
  createCollabServer,
  createMetricsHandler,
  createMongoCollabStore,
  type CollabServer,
  type CollabStore,
} from './collab';
import { pushAccessLogChanges } from './counsellor/accessLogPush';
import { auditGatedMemberships, createCounsellorAuditor } from './counsellor/auditHooks';
import { counsellorHistory } from './counsellor/counsellorHistory';
import { counsellorRoutes } from './counsellor/counsellor.routes';
import { watchCounsellorExpiry } from './counsellor/expiryWatcher';
import { registerExerciseHandlers, startExercises, stopExercises, type ExerciseDeps } from './exercises/exercises.socket';
import { LiveBoardWriter } from './exercises/liveBoardWriter';
import { spaceMemberships } from './exercises/spaceMemberships';
import { healthRoutes } from './health/health.routes';
import { createLiveStatus } from './livestatus/status.socket';
import { bindRequestActor } from './platform/requestActor';
import { inviteRoutes } from './spaces/invites.routes';
import type { Env } from './platform/env';
import { createLimits } from './platform/limits';
import { databaseAvailability } from './platform/db/availability';
import { databaseGate } from './platform/http/databaseGate';
import { HearthEvents } from './platform/events';
import { errorMiddleware, notFoundHandler } from './platform/http/errorMiddleware';
import { originGuard, requireJsonBody } from './platform/http/requestGuards';
import { staticClient } from './platform/http/staticClient';
import type { Logger } from './platform/logger';
import { registerSpaceRoomHandlers } from './spaces/spaces.socket';
import { privacyRoutes } from './privacy/privacy.routes';
import { purgeSpace } from './privacy/spaceErasure';
import { createStoredDocs, type StoredDocs } from './privacy/storedDocs';
import { activityRoutes } from './activity/activity.routes';
import { versionRoutes } from './versions/versions.routes';
import { sweepVersions } from './versions/snapshots';
import { reminderRoutes } from './reminders/reminders.routes';
import { createReminderScheduler, type ReminderScheduler } from './reminders/scheduler';
import { notificationPusher } from './reminders/reminders.socket';
import { watchSocketAccess } from './realtime/accessWatcher';
import { useRedisAdapter } from './realtime/redisAdapter';
import { createSocketServer } from './realtime/socketServer';
import { ObservedSessionStore, watchSessionEnds } from './realtime/sessionEnds';
import { docAccess } from './spaces/access';
import { safetyRoutes } from './safety/safety.routes';
import { spacesRoutes } from './spaces/spaces.routes';

const SESSION_SWEEP_MS = 60_000;

export interface AppDeps {
  env: Env;
  logger: Logger;
  /** Exercises: the server clock (default `Date.now`) and how often timers re-check it. */
  exercises?: { clock?: () => number; maxTimerDelayMs?: number };
  /** Test hooks for reminders: an injected clock; `intervalMs: 0` leaves passes to the test. */
  reminders?: { clock?: () => number; intervalMs?: number };
  /** Where Yjs documents are stored (default: MongoDB through the process's connection). */
  collabStore?: CollabStore;
}

export interface Hearth {
  app: express.Express;
  httpServer: http.Server;
  events: HearthEvents;
  collab: CollabServer;
  /** The stored Yjs documents (same store as `collab`), for the features that read or erase them. */
  storedDocs: StoredDocs;
  /** The login sessions; ending one closes its live connections. */
  sessions: SessionStore;
  /** Ends the sessions past their expiry (run every minute); returns how many. */
  sweepSessions(): Promise<number>;
  /** Takes the daily board snapshots and prunes old ones; tests call it with their own time. */
  sweepVersions(now: Date): Promise<{ taken: number; pruned: number }>;
  /** The reminder scheduler; tests call `tick()` with an injected clock. */
  reminders: ReminderScheduler;
  /** Resolves once listening; returns the bound port (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, stores pending edits, closes sockets and background work. */
  close(): Promise<void>;
}

/**
 * Builds the whole server (HTTP API, Socket.io, Yjs) without listening and without reading the
 * database, so it can be built before the database is open; `listen` starts the work that
 * reads it at once (counsellor access expiry, running exercises).
 */
export function createHearth({ env, logger, exercises, reminders: reminderHooks, collabStore }: AppDeps): Hearth {
  const events = new HearthEvents();
  // Every session that ends is announced (`session:ended`): the collab server closes its Yjs
  // connections (4401) and watchSessionEnds its Socket.io connections.
  const sessions = new ObservedSessionStore({ secret: env.sessionSecret, secureCookies: env.secureCookies }, events);
  const limits = createLimits(env.redisUrl, logger);
  const auth = new AuthService(limits);
  const authenticate = requestAuthenticator(sessions);
  const account = new AccountService(sessions, events);
  const audit = createAuditLog(logger, events);
  const auditor = createCounsellorAuditor(audit, events, logger);

  const app = express();
  const httpServer = http.createServer(app);
  const store = collabStore ?? createMongoCollabStore();
  const storedDocs = createStoredDocs(store);
  const collab = createCollabServer({
    httpServer,
    store,
    hooks: {
      authenticate,
      // The board rules need the space's partners (a promise is made to the partner); a
      // counsellor's access holds only while the access log can be written.
      authorize: auditor.authorizeAudited(async (user, doc) => {
        const grant = await docAccess(user, doc);
        return grant && { ...grant, partnerIds: await spaceMemberships.partnersOf(grant.spaceId) };
      }),
      beforeApplyUpdate: createBoardValidator(),
      onOpened: (access) => auditor.documentOpened(access),
      onClosed: (access) => auditor.documentClosed(access),
    },
    logger,
    events,
    publicOrigin: env.publicOrigin,
    allowedOrigins: env.allowedOrigins,
    limits: { maxFrameBytes: env.maxFrameBytes, maxDocumentBytes: env.maxDocBytes },
    redisUrl: env.redisUrl,
  });
  const sockets = createSocketServer(httpServer, { logger, allowedOrigins: env.allowedOrigins, authenticate });
  const redis = env.redisUrl ? useRedisAdapter(sockets.io, env.redisUrl, logger) : null;
  const erasure = {
    events,
    logger,
    stored: storedDocs,
    evictDocuments: (match: (name: string) => boolean) => collab.evictDocuments(match),
    withDoc: <T>(name: string, fn: (doc: Y.Doc) => T) => collab.withDoc(name, fn, 'departure'),
  };

  const exerciseDeps: ExerciseDeps = {
    logger,
    memberships: auditGatedMemberships(spaceMemberships, audit),
    board: new LiveBoardWriter(collab, spaceMemberships.partnersOf, exercises?.clock),
    clock: exercises?.clock,
    maxTimerDelayMs: exercises?.maxTimerDelayMs,
    onObserved: (o) => auditor.exerciseObserved(o),
    counsellorHistory: counsellorHistory(audit),
  };
  const liveStatus = createLiveStatus(sockets.io, events, logger);
  const pushNotifications = notificationPusher(sockets.io);
  const reminderClock = reminderHooks?.clock ?? Date.now;
  const reminders = createReminderScheduler({ logger, clock: reminderClock, push: pushNotifications, stored: storedDocs });
  sockets.onConnection((socket) => {
    liveStatus.register(socket);
    registerSpaceRoomHandlers(socket, logger);
    registerExerciseHandlers(sockets.io, socket, exerciseDeps);
  });
  const stopWatchingSessions = watchSessionEnds(sockets.io, events, logger);
  const stopWatchingAccess = watchSocketAccess(sockets.io, events, logger, {
    beforeRevoke: (spaceId, actorId) => liveStatus.pusher.push(spaceId, actorId),
    counsellorsAllowed: () => audit.writable(),
  });
  const stopPushingAccessLog = pushAccessLogChanges(sockets.io, events, spaceMemberships.partnersOf, logger);
  let stopExpiry: (() => void) | null = null;
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
  api.use(safetyRoutes({ quickExitUrl: env.quickExitUrl, helplines: env.helplines }));
  // Before anything that reads the database (the session lookup included).
  api.use(gate.handler);
  api.use(loadUser(sessions));
  api.use(bindRequestActor);
  api.use(authRoutes(auth, sessions));
  api.use(accountRoutes(account, sessions, limits));
  api.use(inviteRoutes({ events, publicOrigin: env.publicOrigin }));
  api.use(spacesRoutes({ events, publicOrigin: env.publicOrigin, onSpaceAbandoned: (spaceId) => purgeSpace(spaceId, erasure) }));
  api.use(counsellorRoutes({ events, audit, stored: storedDocs }));
  api.use(activityRoutes(reminderClock, storedDocs));
  api.use(versionRoutes({ withDoc: (name, fn) => collab.withDoc(name, fn, 'restore'), audit, clock: reminderClock }));
  api.use(reminderRoutes({ clock: reminderClock, push: pushNotifications }));
  api.use(privacyRoutes({ ...erasure, sessions, audit, limits }));
  api.use(notFoundHandler);
  app.use('/api', api);

  const client = staticClient();
  if (client) app.use(client);
  app.use(notFoundHandler);
  app.use(errorMiddleware(logger, databaseAvailability));

  // Expired sessions are deleted (and so announced) every minute: their live connections close.
  const sweepSessions = async () => (await sessions.sweepExpired()).length;
  const sweep = setInterval(() => {
    sweepSessions().catch((err: unknown) => logger.warn({ err }, 'session sweep failed'));
  }, SESSION_SWEEP_MS);
  sweep.unref();
  // Every node runs passes; the unique claims in reminder.model.ts keep delivery exactly-once.
  const reminderEvery = reminderHooks?.intervalMs ?? 60_000;
  const reminderTimer =
    reminderEvery > 0
      ? setInterval(() => {
          reminders.tick().catch((err: unknown) => logger.warn({ err }, 'reminder pass failed'));
        }, reminderEvery)
      : null;
  reminderTimer?.unref();
  const versionSweep = (now: Date) => sweepVersions(now, env.versionKeepDays, logger, storedDocs);
  const versionTimer =
    reminderEvery > 0
      ? setInterval(() => {
          versionSweep(new Date()).catch((err: unknown) => logger.warn({ err }, 'version sweep failed'));
        }, 15 * 60_000)
      : null;
  versionTimer?.unref();

  return {
    app,
    httpServer,
    events,
    collab,
    storedDocs,
    sessions,
    sweepSessions,
    reminders,
    sweepVersions: versionSweep,
    async listen(port, host) {
      // Running exercises resume (timers re-armed) before anyone can connect.
      await redis?.ready;
      // Shared login limits from the first request (each node counts alone until Redis answers).
      await Promise.race([limits.ready(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      await startExercises(sockets.io, exerciseDeps);
      stopExpiry ??= watchCounsellorExpiry(events, logger);
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
      if (reminderTimer) clearInterval(reminderTimer);
      if (versionTimer) clearInterval(versionTimer);
      stopWatchingAccess();
      stopPushingAccessLog();
      stopWatchingSessions();
      liveStatus.stop();
      stopExpiry?.();
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
