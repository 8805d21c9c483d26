import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface CollabMetrics {
  registry: Registry;
  updates: Counter;
  /** Updates that changed nothing (both partners deleted the same text at once): nothing to store. */
  unchangedUpdates: Counter;
  ackLatency: Histogram;
  dbWrite: Histogram;
  rejectedFrames: Counter<'reason'>;
  refusedUpdates: Counter<'reason'>;
}

/** The real-time server's Prometheus metrics, in their own registry (merge it into /metrics). */
export function createCollabMetrics(stats: () => { connections: number; loadedDocuments: number; dbHealthy: boolean }): CollabMetrics {
  const registry = new Registry();
  new Gauge({
    name: 'hearth_collab_connections',
    help: 'Open WebSocket connections on /yjs',
    registers: [registry],
    collect() {
      this.set(stats().connections);
    },
  });
  new Gauge({
    name: 'hearth_collab_loaded_documents',
    help: 'Yjs documents held in memory',
    registers: [registry],
    collect() {
      this.set(stats().loadedDocuments);
    },
  });
  new Gauge({
    name: 'hearth_collab_db_healthy',
    help: '1 when the last update-log write succeeded',
    registers: [registry],
    collect() {
      this.set(stats().dbHealthy ? 1 : 0);
    },
  });
  return {
    registry,
    updates: new Counter({ name: 'hearth_collab_updates_total', help: 'Yjs updates stored', registers: [registry] }),
    unchangedUpdates: new Counter({
      name: 'hearth_collab_unchanged_updates_total',
      help: 'Yjs update messages accepted that changed nothing (e.g. a deletion the partner made at the same time), so nothing was stored',
      registers: [registry],
    }),
    ackLatency: new Histogram({
      name: 'hearth_collab_ack_latency_seconds',
      help: 'From receiving an update to sending its saved acknowledgement',
      buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [registry],
    }),
    dbWrite: new Histogram({
      name: 'hearth_collab_db_write_seconds',
      help: 'One group-commit insertMany into the update log',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5, 2],
      registers: [registry],
    }),
    refusedUpdates: new Counter({
      name: 'hearth_collab_refused_updates_total',
      help: 'Updates refused by the board rules (beforeApplyUpdate), by reason code',
      labelNames: ['reason'],
      registers: [registry],
    }),
    rejectedFrames: new Counter({
      name: 'hearth_collab_rejected_frames_total',
      help: 'Frames refused (malformed, invalid update, too big, rate, read-only)',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}

/**
 * `GET /metrics` handler: answers loopback clients, or anyone presenting
 * `Authorization: Bearer <token>` when a token is configured; 404 otherwise.
 */
export function createMetricsHandler(registries: Registry[], token?: string) {
  const merged = Registry.merge(registries);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const remote = req.socket.remoteAddress ?? '';
    const loopback = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
    const header = req.headers.authorization ?? '';
    const presented = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    const allowed = token ? presented.length === token.length && timingSafeEqual(presented, Buffer.from(token)) : loopback;
    if (!allowed || (token === undefined && req.headers['x-forwarded-for'] !== undefined)) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'not_found', message: 'Not found' } }));
      return;
    }
    res.writeHead(200, { 'content-type': merged.contentType });
    res.end(await merged.metrics());
  };
}
