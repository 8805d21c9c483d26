/**
 * `npm run bench:coldopen -- [--updates 10000] [--repeat 20] [--via direct|server]`
 * Cold open of one board document whose journal holds N small real updates (one character
 * typed into a plan's notes each), first un-compacted, then after compaction.
 * `--via direct` (default) writes the N updates as journal rows through the store, nothing
 * folded. `--via server` types them through the real collab server (bench/sync/benchServer.ts)
 * from a partner's y-websocket protocol client, waits for every acknowledgement and kills the
 * server and its database with SIGKILL: the journal as a crash leaves it. One cold open =
 * a fresh `DocRegistry.acquire` (the collab server's load path: the stored state read from the
 * embedded database and applied to a new live document) plus encoding the sync step 2 a new
 * client (empty state vector) is sent. Prints p50/p95/max in ms.
 */
import '../lib/loadGeneratorHeap';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Types } from 'mongoose';
import { pino } from 'pino';
import * as Y from 'yjs';
import { createExperience, getItemText, itemsOf } from '@hearth/shared/board';
import { createMongoCollabStore } from '../../server/src/collab/collabStore';
import { DocRegistry } from '../../server/src/collab/docRegistry';
import { Journal, segmentName } from '../../server/src/collab/journal';
import { WriteQueue } from '../../server/src/collab/writeQueue';
import { openDatabase } from '../../server/src/platform/db/database';
import { sleep, startHearth, waitUntil } from '../lib/hearthProcess';
import { createObserver, openSpaces } from '../lib/spaces';
import { percentile } from '../sync/processStats';

const { values } = parseArgs({
  options: {
    updates: { type: 'string', default: '10000' },
    repeat: { type: 'string', default: '20' },
    /** Rows per insertMany while filling the journal (the size of one group commit). */
    batch: { type: 'string', default: '50' },
    via: { type: 'string', default: 'direct' },
  },
});
if (values.via !== 'direct' && values.via !== 'server') throw new Error('--via is direct or server');
const UPDATES = Number(values.updates);
const REPEAT = Number(values.repeat);
const BATCH = Number(values.batch);

const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
const dataDir = process.env.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'hearth-coldopen-'));
const viaServer = values.via === 'server' ? await typeThroughServer(UPDATES) : null;
// The benchmark server's database is named `bench`; the direct fill has its own.
const db = await openDatabase({ mongodbUri: process.env.MONGODB_URI, dataDir, logger, dbName: viaServer ? 'bench' : 'coldopen' });
const store = createMongoCollabStore();
const journal = new Journal(60 * 60_000);
const queue = new WriteQueue(store, { logger, journal, batchDelayMs: 2 });
const docName = viaServer ?? `space:${new Types.ObjectId().toHexString()}`;

/**
 * Types `n` keystrokes at random places into one space's plan through the collab server, both
 * partners at 90 a second each (the server allows 100 messages a second per connection), each
 * half-second batch waiting for its acknowledgements (stored with fsync); then kills the server
 * and its database without a shutdown. Returns the document's name.
 */
async function typeThroughServer(n: number): Promise<string> {
  const server = await startHearth({ env: { DATA_DIR: dataDir } });
  const observer = createObserver();
  const partners = await openSpaces(server, 1, observer);
  const started = performance.now();
  for (let typed = 0; typed < n;) {
    const batchStarted = performance.now();
    for (let i = 0; i < 45; i++) for (const p of partners) if (typed < n && p.type()) typed++;
    if (
      !(await waitUntil(() => partners.every((p) => p.pendingAcks === 0) || observer.errorCount > 0, 30_000)) ||
      observer.errorCount > 0
    ) {
      throw new Error(`updates not acknowledged: ${observer.errors.join('; ')}`);
    }
    await sleep(500 - (performance.now() - batchStarted));
  }
  const rows = await server.metric('hearth_collab_updates_total');
  process.stdout.write(
    `through the server: ${n} keystrokes typed and acknowledged in ${((performance.now() - started) / 1000).toFixed(1)} s (${rows} stored), errors ${observer.errorCount}\n`,
  );
  const name = decodeURIComponent(new URL(partners[0]!.ws.url).pathname.split('/').pop()!);
  for (const pid of server.pids) process.kill(pid, 'SIGKILL');
  for (const p of partners) p.close();
  return name;
}

/** N updates as a partner's client produces them: the plan, then one character at a time. */
function typedUpdates(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  createExperience(doc, { userId: 'a', partnerIds: ['a', 'b'] }, { title: 'Weekend away' });
  const [planId] = itemsOf(doc).keys();
  const notes = getItemText(doc, planId!, 'notes')!;
  while (updates.length < n) notes.insert(Math.floor(Math.random() * (notes.length + 1)), 'x');
  doc.destroy();
  return updates;
}

/** Writes the N updates as journal rows, 50 per insertMany like group commits; returns the segment. */
async function fillDirectly(): Promise<string> {
  const updates = typedUpdates(UPDATES);
  const segment = segmentName(Date.now());
  const fillStarted = performance.now();
  for (let i = 0; i < updates.length; i += BATCH) {
    const rows = updates.slice(i, i + BATCH).map((data, j) => ({ id: new Types.ObjectId(), doc: docName, seq: i + j + 1, data }));
    await store.append(segment, rows);
  }
  process.stdout.write(
    `journal: ${updates.length} rows (${updates.reduce((n, u) => n + u.length, 0)} bytes) written in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s\n`,
  );
  return segment;
}
const directSegment = viaServer ? null : await fillDirectly();

/** One cold open on a fresh registry; the document is dropped without compacting it. */
async function coldOpen(): Promise<{ ms: number; readMs: number; logRows: number }> {
  let readMs = 0;
  const timedStore = {
    load: async (name: string) => {
      const t = performance.now();
      const state = await store.load(name);
      readMs = performance.now() - t;
      return state;
    },
  };
  // No compaction on load here: every open must find the same journal.
  const hooks = { queue, store, onStored: () => undefined };
  const registry = new DocRegistry({ store: timedStore, logger, unloadDelayMs: 60_000, hooks, compactOnLoadRows: Infinity });
  const started = performance.now();
  const doc = await registry.acquire(docName);
  const step2 = Y.encodeStateAsUpdate(doc.ydoc, new Uint8Array([0]));
  const ms = performance.now() - started;
  if (step2.length < 10) throw new Error('empty document loaded');
  const logRows = doc.logLength;
  await doc.evict();
  doc.destroy();
  return { ms, readMs, logRows };
}

async function series(label: string): Promise<number> {
  await coldOpen(); // warm-up (JIT, driver connection pool)
  const times: number[] = [];
  const reads: number[] = [];
  let logRows = 0;
  for (let i = 0; i < REPEAT; i++) {
    const r = await coldOpen();
    times.push(r.ms);
    reads.push(r.readMs);
    logRows = r.logRows;
  }
  times.sort((a, b) => a - b);
  reads.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const f = (n: number) => n.toFixed(1);
  process.stdout.write(
    `${label} (journal rows at open: ${logRows}): p50 ${f(p50)} ms  p95 ${f(percentile(times, 95))} ms  max ${f(times[times.length - 1]!)} ms  (n=${REPEAT})\n` +
      `  of which reading the database: p50 ${f(percentile(reads, 50))} ms  p95 ${f(percentile(reads, 95))} ms\n`,
  );
  return p50;
}

await series(viaServer ? 'cold open, as the server left it' : 'cold open, un-compacted');
// Compact through the live document, as the server does when it unloads it.
const registry = new DocRegistry({ store, logger, unloadDelayMs: 60_000, hooks: { queue, store, onStored: () => undefined } });
const live = await registry.acquire(docName);
await live.compact();
await live.evict();
live.destroy();
for (const segment of directSegment ? [directSegment] : await store.listSegments()) await store.dropSegment(segment);
await series('cold open, compacted');
await db.close();
process.exit(0);
