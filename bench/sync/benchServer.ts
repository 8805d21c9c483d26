/**
 * The Hearth sync server for the benchmark: the real collab module on the embedded database
 * (or MONGODB_URI), with a benchmark identity (`x-bench-user` header) in place of sign-up,
 * so that the run measures syncing and storing, not password hashing. Prints
 * `READY <port> <databasePid>`.
 */
import '../../server/src/platform/v8HeapTuned';
import http from 'node:http';
import v8 from 'node:v8';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import {
  createBoardValidator,
  createCollabServer,
  createMetricsHandler,
  createMongoCollabStore,
  type UpdateContext,
} from '../../server/src/collab';
import { openDatabase } from '../../server/src/platform/db/database';
import { HearthEvents } from '../../server/src/platform/events';
import { enableStageTimes } from '../../server/src/collab/stageTimes';
import { startHeapSampling } from '../lib/heapSampling';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
const dataDir = process.env.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-'));
const db = await openDatabase({ mongodbUri: process.env.MONGODB_URI, dataDir, logger, dbName: 'bench' });
// BENCH_VALIDATION=0 runs without the board rules, to measure what they cost.
const validate = process.env.BENCH_VALIDATION !== '0';
const validator = createBoardValidator();
const validation = { calls: 0, ms: 0, refused: 0 };
// BENCH_HOOK=noop|text: a hook that accepts everything (noop), or only reads the update's text
// changes (text), to tell what the hook's presence, the fast path and the rules each cost.
const hookMode = process.env.BENCH_HOOK;
const beforeApplyUpdate = (ctx: UpdateContext) => {
  const started = performance.now();
  const mode = hookMode;
  const verdict =
    mode === 'noop' ? { ok: true as const } : hookMode === 'text' ? (ctx.textChanges(), { ok: true as const }) : validator(ctx);
  validation.ms += performance.now() - started;
  validation.calls++;
  if (!verdict.ok) validation.refused++;
  return verdict;
};
const server = http.createServer((req, res) => {
  if (req.url === '/metrics') return void metrics(req, res);
  // Run with --expose-gc to have every reading taken after a full collection.
  if (req.url === '/memory') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(memory()));
  if (req.url === '/validation') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(validation));
  res.writeHead(404).end();
});
const collab = createCollabServer({
  httpServer: server,
  store: createMongoCollabStore(),
  hooks: {
    authenticate: async (req) => {
      const id = req.headers['x-bench-user'];
      return typeof id === 'string' ? { id, email: `${id}@bench.test`, displayName: id } : null;
    },
    // Users are a<n> and b<n>, the two partners of space n.
    authorize: async (user, doc) => ({
      mode: 'write',
      role: 'partner',
      spaceId: doc.spaceId,
      partnerIds: [`a${user.id.slice(1)}`, `b${user.id.slice(1)}`],
    }),
    beforeApplyUpdate: validate ? beforeApplyUpdate : undefined,
  },
  logger,
  events: new HearthEvents(),
  publicOrigin: 'http://bench.test',
});
function memory(): NodeJS.MemoryUsage & { gc: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return { ...process.memoryUsage(), gc: gc !== undefined };
}
// BENCH_STAGES=0 turns off the per-stage timings (hearth_collab_stage_seconds).
const stageRegistry = new Registry();
if (process.env.BENCH_STAGES !== '0') enableStageTimes(stageRegistry);
const metrics = createMetricsHandler([collab.metricsRegistry, stageRegistry]);
// BENCH_LOOP=1: report the server's event-loop delay every 5 s (stderr), to tell a blocked
// server from a busy machine; BENCH_LOOP=second: every second with the time of day, to line
// it up with the sync benchmark's BENCH_TIMELINE.
if (process.env.BENCH_LOOP) {
  const perSecond = process.env.BENCH_LOOP === 'second';
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  setInterval(
    () => {
      const at = perSecond ? `${new Date().toISOString()} ` : '';
      process.stderr.write(`${at}event loop delay ms: p99 ${(loop.percentile(99) / 1e6).toFixed(1)} max ${(loop.max / 1e6).toFixed(1)}\n`);
      loop.reset();
    },
    perSecond ? 1000 : 5000,
  ).unref();
  // With the per-second report, also every garbage collection pause of 8 ms or more.
  if (perSecond) {
    const kinds: Record<number, string> = { 1: 'scavenge', 2: 'mark-compact', 4: 'incremental', 8: 'weak callbacks' };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration < 8) continue;
        const kind = (e as { detail?: { kind?: number } }).detail?.kind ?? 0;
        const at = new Date(performance.timeOrigin + e.startTime).toISOString();
        process.stderr.write(`${at} gc ${kinds[kind] ?? kind} ${e.duration.toFixed(1)} ms\n`);
      }
    }).observe({ entryTypes: ['gc'] });
  }
}
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`READY ${port} ${db.embedded?.process.pid ?? 0}\n`);
});
// BENCH_HEAP_SAMPLE=<file>: from 20 s to 40 s after start (the sync benchmark's measured window
// at 1,000 clients), sample allocations that survive young-generation collections (promoted,
// then freed by a major GC or still alive), and write the sampling heap profile to <file>
// (read it with `npx tsx bench/sync/heapSummary.ts <file>`). BENCH_HEAP_SAMPLE_ALL=1 samples every
// allocation instead, the short-lived included (what drives the young-generation collections).
const heapSample = process.env.BENCH_HEAP_SAMPLE;
if (heapSample) {
  setTimeout(() => {
    const stop = startHeapSampling(process.env.BENCH_HEAP_SAMPLE_ALL === '1' ? 'all' : 'promoted');
    setTimeout(() => {
      void stop(heapSample).then(() => process.stderr.write(`heap sample written to ${heapSample}\n`));
    }, 20_000);
  }, 20_000);
}
process.on('SIGTERM', () => {
  void collab
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
// BENCH_HEAP_SNAPSHOT=<file>: a heap snapshot 30 s after start (inside the measured window at 1,000 clients).
if (process.env.BENCH_HEAP_SNAPSHOT) {
  const file = process.env.BENCH_HEAP_SNAPSHOT;
  setTimeout(() => {
    v8.writeHeapSnapshot(file);
    process.stderr.write(`heap snapshot written to ${file}\n`);
  }, 30_000);
}
