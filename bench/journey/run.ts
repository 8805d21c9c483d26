/**
 * Journey benchmark (issue 12): a year of one couple's data on the real server and embedded
 * database; how long "Our journey" takes to show in headless Chromium once the documents are
 * synced, and how long a recompute takes after the partner confirms a promise.
 * `npm run bench:journey`. Measures only: nothing here passes or fails on a duration.
 */
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { listPromises, markPromise, periodOf, type BoardActor } from '@hearth/shared/board';
import { docNameOf } from '@hearth/shared/realtime';
import { createHearth } from '../../server/src/app';
import { ExerciseRunModel } from '../../server/src/exercises/exerciseRun.model';
import { openDatabase } from '../../server/src/platform/db/database';
import { loadEnv } from '../../server/src/platform/env';
import { createLogger } from '../../server/src/platform/logger';
import { makeCouple } from '../../test/helpers/api';
import { eventually, launchBrowser } from '../../test/e2e/browser';
import { writeDoc } from '../../test/integration/privacy-fixtures/boardDocs';
import { fillYear } from './yearOfData';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Sessions are stored in each machine's internal form (the history view derives the rest). */
function storedForm(kind: string, results: unknown): unknown {
  const r = results as Record<string, unknown>;
  switch (kind) {
    case 'question_deck':
      return { themes: ['trust', 'appreciation'], answerMs: null, seed: 1, draws: 2, used: [], current: null, cards: r.cards };
    case 'checkin':
      return { answers: [], revealedAt: Date.now() };
    case 'promise_review':
      return { since: '2026-01-01', items: [], current: 0 };
    default:
      return { topicId: null, rounds: 2, turnMs: 120_000, paraphraseMs: 60_000, current: 0, ...r };
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-journey-'));
const port = await freePort();
const env = loadEnv({
  ...process.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
  LOG_LEVEL: 'warn',
});
const logger = createLogger(env.logLevel);
const db = await openDatabase({ mongodbUri: env.mongodbUri, dataDir, logger, dbName: 'bench_journey' });
const hearth = createHearth({ env, logger });
await hearth.listen(port, '127.0.0.1');
const baseUrl = env.publicOrigin;
const browser = await launchBrowser();

async function measure(): Promise<void> {
  const { a, b, space } = await makeCouple(baseUrl);
  const alexId = a.user!.id;
  const samId = b.user!.id;
  // Generated in memory, then stored as one acknowledged update per document.
  const couple = new Y.Doc();
  const shared = new Y.Doc();
  const exercises = fillYear(couple, shared, alexId, samId);
  await writeDoc(docNameOf({ kind: 'couple', spaceId: space.id }), (doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(couple)));
  await writeDoc(docNameOf({ kind: 'space', spaceId: space.id }), (doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(shared)));
  await ExerciseRunModel.insertMany(
    exercises.map((e, i) => ({
      spaceId: space.id,
      kind: e.kind,
      contentVersion: 1,
      status: 'ended',
      activeKey: `ended-${space.id}-${i}`,
      phase: 'ended',
      paused: false,
      participants: e.participants,
      startedBy: alexId,
      startedAt: e.startedAt,
      endedAt: Number(e.startedAt) + 600_000,
      endedReason: 'completed',
      data: storedForm(e.kind, e.results),
      rev: 1,
    })),
  );

  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  const [name, value] = b.cookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const shownAfterSync: number[] = [];
  const withExercises: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`/spaces/${space.id}/journey`);
    await eventually(
      'the journey to be shown',
      async () => (await page.evaluate<number>(`performance.getEntriesByName('hearth:journey-shown').length`)) > 0,
      60_000,
    );
    await eventually(
      'the exercises to be shown',
      async () => (await page.evaluate<number>(`performance.getEntriesByName('hearth:journey-exercises').length`)) > 0,
      60_000,
    );
    const row = await page.evaluate<{ synced: number; shown: number; exercises: number; open: number }>(`({
      open: performance.getEntriesByName('hearth:docs-open')[0].startTime,
      synced: Math.max(...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('hearth:synced:')).map((m) => m.startTime)),
      shown: performance.getEntriesByName('hearth:journey-shown')[0].startTime,
      exercises: performance.getEntriesByName('hearth:journey-exercises')[0].startTime,
    })`);
    shownAfterSync.push(row.shown - row.synced);
    withExercises.push(row.exercises - row.open);
    if (process.env.BENCH_MARKS)
      console.log(
        await page.evaluate<string>(`performance.getEntriesByType('mark').map((m) => m.name + '@' + Math.round(m.startTime)).join(' ')`),
      );
  }
  console.log(
    `journey shown after the documents synced (ms): ${shownAfterSync.map(Math.round).join(', ')}; median ${Math.round(median(shownAfterSync))}`,
  );
  console.log(
    `exercise history (100 sessions, 2 pages) shown, from opening the documents (ms): median ${Math.round(median(withExercises))}`,
  );

  // Alex marks a promise kept from another client; Sam's open view recomputes.
  const cookie = a.cookie;
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/yjs`, `couple:${space.id}`, doc, {
    WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await eventually('Alex’s client to sync', async () => provider.synced, 60_000);
  const alex: BoardActor = { userId: alexId, partnerIds: [alexId, samId] };
  const today = new Date().toISOString().slice(0, 10);
  const promises = listPromises(doc)
    .filter((p) => p.status === 'accepted' && p.promiserId === alexId)
    .slice(0, 15);
  const compute: number[] = [];
  const endToEnd: number[] = [];
  for (const p of promises) {
    const before = await page.evaluate<number>(`performance.getEntriesByName('hearth:journey-compute').length`);
    const sent = Date.now();
    markPromise(doc, alex, { itemId: p.id, outcome: 'kept', period: periodOf(p.cadence, today) });
    await eventually(
      'Sam’s view to recompute',
      async () => (await page.evaluate<number>(`performance.getEntriesByName('hearth:journey-compute').length`)) > before,
      30_000,
    );
    const last = await page.evaluate<{ duration: number; end: number }>(`(() => {
      const all = performance.getEntriesByName('hearth:journey-compute');
      const m = all[all.length - 1];
      return { duration: m.duration, end: performance.timeOrigin + m.startTime + m.duration };
    })()`);
    compute.push(last.duration);
    endToEnd.push(last.end - sent);
  }
  provider.destroy();
  console.log(
    `recompute in the browser after one change (ms): median ${median(compute).toFixed(1)}, max ${Math.max(...compute).toFixed(1)} (${compute.length} changes)`,
  );
  console.log(
    `partner's mark → recomputed on the other screen (ms, includes the network and the server): median ${Math.round(median(endToEnd))}`,
  );
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

try {
  await measure();
} finally {
  await browser.close();
  await hearth.close();
  await db.close();
}
