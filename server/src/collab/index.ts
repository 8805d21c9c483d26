import type http from 'node:http';
import { WebSocketServer } from 'ws';
import { CloseCode, DEFAULT_COLLAB_LIMITS, type CollabLimits } from '@hearth/shared/realtime';
import type { CollabStore } from './collabStore';
import { CollabConnection } from './connection';
import { DocRegistry } from './docRegistry';
import { createCollabMetrics } from './metrics';
import { Journal } from './journal';
import { startMaintenance } from './maintenance';
import { collabTuning } from './tuning';
import { FanoutKind, RedisFanout } from './redisFanout';
import { createUpgradeHandler } from './upgrade';
import { WriteQueue } from './writeQueue';
import { endsSession, type SessionEnded } from '../platform/events';
import type { CollabServer, CollabSettings } from './types';
import type { CollabHooks } from './hooks';

export type { CollabSettings, CollabServer, CollabUser, CollabGrant, CollabAccess } from './types';
export { createMetricsHandler } from './metrics';
export { createBoardValidator } from './validation/boardValidator';
export type { CollabHooks, UpdateContext, UpdateVerdict, UpdateView, StoredEvent } from './hooks';
export { createMongoCollabStore } from './collabStore';
export type { CollabStore } from './collabStore';
export { createMemoryCollabStore } from './memoryStore';

const SHUTDOWN_DRAIN_MS = 10_000;
/** How long a journal segment takes writes before the next one opens. */
const JOURNAL_ROTATE_MS = 10_000;

/** Everything the collab server is built from: its store, its hooks and its settings. */
export interface CollabServerOptions extends CollabSettings {
  httpServer: http.Server;
  store: CollabStore;
  hooks: CollabHooks;
}

/**
 * The durable Yjs sync server on `/yjs/<docName>` of `httpServer`. Updates are acknowledged
 * (message 100) only after `store` holds them; `hooks` decide who connects, what they may
 * open and what an update may change; see docs/realtime.md.
 */
export function createCollabServer(options: CollabServerOptions): CollabServer {
  const { httpServer, store, hooks } = options;
  const deps = { ...options, ...hooks };
  const logger = deps.logger.child({ module: 'collab' });
  const limits: CollabLimits = { ...DEFAULT_COLLAB_LIMITS, ...deps.limits };
  const connections = new Set<CollabConnection>();
  let open = true;
  let refusals = 0;

  const stats = () => ({ connections: connections.size, loadedDocuments: registry.loadedCount });
  const metrics = createCollabMetrics(() => ({ ...stats(), dbHealthy: queue.healthy() }));
  const rotateMs = collabTuning.rotateMs ?? JOURNAL_ROTATE_MS;
  const journal = new Journal(rotateMs);
  const queue = new WriteQueue(store, {
    logger,
    journal,
    batchDelayMs: deps.batchDelayMs ?? 2,
    onWrite: (seconds, rows, ok) => {
      metrics.dbWrite.observe(seconds);
      if (ok) metrics.updates.inc(rows);
    },
  });
  const compactEvery = deps.compactEvery ?? 200;
  const fanout = deps.redisUrl ? new RedisFanout(deps.redisUrl, logger) : undefined;
  const registry = new DocRegistry({
    store,
    logger,
    unloadDelayMs: deps.unloadDelayMs ?? 2000,
    fanout,
    skipSegment: collabTuning.segmentIndex ? (segment, doc) => !journal.mayHold(segment, doc) : undefined,
    onUnloaded: (doc) => journal.forgetDoc(doc),
    hooks: {
      queue,
      store,
      onLocalUpdate: fanout && ((doc, update) => fanout.publish(doc.name, FanoutKind.update, update)),
      onLocalAwareness: fanout && ((doc, update) => fanout.publish(doc.name, FanoutKind.awareness, update)),
      onStored: (doc, entries) => {
        const now = performance.now();
        for (const e of entries) if (e.origin) metrics.ackLatency.observe((now - e.receivedAt) / 1000);
        hooks.afterStored?.({ docName: doc.name, updates: entries.length });
        if (doc.logLength >= compactEvery && !doc.checkpoint()) {
          doc.compact().catch((err: unknown) => logger.warn({ err, doc: doc.name }, 'collab: compaction failed'));
        }
      },
    },
  });

  const maintenance = startMaintenance({
    registry,
    journal,
    rotateMs,
    store,
    logger,
    turn: (write) => queue.exclusive(write),
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes, perMessageDeflate: false });
  wss.on('error', (err) => logger.error({ err }, 'collab: websocket server error'));
  const onUpgrade = createUpgradeHandler(
    deps,
    wss,
    logger,
    () => open,
    (accepted) => {
      const conn = new CollabConnection(accepted.ws, {
        docName: accepted.docName,
        parsed: accepted.parsed,
        user: accepted.user,
        grant: accepted.grant,
        limits,
        registry,
        metrics,
        logger,
        beforeApplyUpdate: deps.beforeApplyUpdate,
        loadedDoc: (name) => registry.peek(name)?.ydoc,
        onRefused: (reason) => {
          refusals++;
          metrics.refusedUpdates.inc({ reason: reason.split(' ')[0] ?? reason });
        },
        onClosed: (c) => {
          connections.delete(c);
          deps.onClosed?.(c.ctx);
        },
      });
      connections.add(conn);
      deps.onOpened?.(conn.ctx);
    },
  );
  httpServer.on('upgrade', onUpgrade);

  // Someone's right to a space changed: re-check each affected socket now (well within 1 s),
  // here and, through Redis, on every other node.
  const onAccessChanged = (change: { spaceId?: string; userId?: string }) => {
    fanout?.publishAccessChanged(change);
    recheck(change);
  };
  const recheck = ({ spaceId, userId }: { spaceId?: string; userId?: string }) => {
    for (const conn of connections) {
      const { parsed, user } = conn.ctx;
      if ((spaceId && parsed.spaceId !== spaceId) || (userId && user.id !== userId)) continue;
      deps
        .authorize(user, parsed)
        .then((grant) => conn.regrant(grant))
        .catch((err: unknown) => logger.warn({ err }, 'collab: access re-check failed'));
    }
  };
  deps.events.on('access:changed', onAccessChanged);

  // A session that ended (logout, expiry, deletion) closes its connections, here and on every
  // other node: 4401, final.
  const onSessionEnded = (ended: SessionEnded) => {
    fanout?.publishSessionEnded(ended);
    closeSessions(ended);
  };
  const closeSessions = (ended: SessionEnded) => {
    for (const conn of connections) {
      const { user } = conn.ctx;
      if (user.id === ended.userId && endsSession(ended, user.sessionId)) conn.close(CloseCode.unauthenticated, 'session ended');
    }
  };
  deps.events.on('session:ended', onSessionEnded);
  // Members changed (a partner joined): grants carry the partners the board rules check against.
  const onSpaceChanged = ({ spaceId }: { spaceId: string }) => recheck({ spaceId });
  deps.events.on('space:changed', onSpaceChanged);
  fanout?.onAccessChanged(recheck).catch((err: unknown) => logger.warn({ err }, 'collab: access relay unavailable'));
  fanout?.onSessionEnded(closeSessions).catch((err: unknown) => logger.warn({ err }, 'collab: session relay unavailable'));

  return {
    stats,
    refusals: () => refusals,
    dbHealthy: () => queue.healthy(),
    async withDoc(docName, fn, origin = 'server') {
      const live = await registry.acquire(docName);
      try {
        let result!: ReturnType<typeof fn>;
        live.ydoc.transact(() => {
          result = fn(live.ydoc);
        }, origin);
        return result;
      } finally {
        registry.release(docName, live);
      }
    },
    async evictDocuments(match) {
      for (const conn of connections) if (match(conn.ctx.docName)) conn.close(CloseCode.accessRevoked, 'document erased');
      await registry.evict(match);
      await queue.settle();
    },
    metricsRegistry: metrics.registry,
    async close() {
      open = false;
      httpServer.off('upgrade', onUpgrade);
      deps.events.off('access:changed', onAccessChanged);
      deps.events.off('session:ended', onSessionEnded);
      deps.events.off('space:changed', onSpaceChanged);
      for (const conn of connections) conn.close(CloseCode.goingAway, 'server shutting down');
      if (!(await queue.drain(SHUTDOWN_DRAIN_MS))) logger.error('collab: shutting down with unstored updates');
      maintenance.stop();
      await registry.unloadAll();
      await maintenance.dropOwnSegments().catch((err: unknown) => logger.warn({ err }, 'collab: journal cleanup failed'));
      await fanout?.close();
      wss.close();
    },
  };
}
