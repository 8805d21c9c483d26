/**
 * Reminder pass benchmark: 20 couple spaces on the real server and embedded database, each
 * with promises and cards on the shared boards and a promise on each partner's "only me"
 * board; times `reminders.tick()` (the first pass delivers, later passes find nothing new, as
 * most passes do). `npx tsx bench/reminders/run.ts`. Measures only: nothing passes or fails.
 */
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { acceptPromise, createCard, createPromise } from '@hearth/shared/board';
import { DEFAULT_REMINDER_SETTINGS } from '@hearth/shared/reminders';
import { docNameOf } from '@hearth/shared/realtime';
import { createHearth } from '../../server/src/app';
import { openDatabase } from '../../server/src/platform/db/database';
import { loadEnv } from '../../server/src/platform/env';
import { createLogger } from '../../server/src/platform/logger';
import { makeCouple } from '../../test/helpers/api';
import { actor, writeDoc } from '../../test/integration/privacy-fixtures/boardDocs';

const SPACES = Number(process.env.SPACES ?? 20);
const PASSES = 7;
// Monday 1 June 2026, 10:00 UTC: promises due, cards waiting for more than two days.
const NOW = Date.parse('2026-06-01T10:00:00Z');
const EARLIER = new Date(NOW - 5 * 86_400_000);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-reminders-'));
const port = await freePort();
const env = loadEnv({
  ...process.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
  LOG_LEVEL: 'warn',
});
const logger = createLogger(env.logLevel);
const db = await openDatabase({ mongodbUri: env.mongodbUri, dataDir, logger, dbName: 'bench_reminders' });
const hearth = createHearth({ env, logger, reminders: { clock: () => NOW, intervalMs: 0 } });
await hearth.listen(port, '127.0.0.1');

for (let s = 0; s < SPACES; s++) {
  const { a, b, space } = await makeCouple(env.publicOrigin);
  const [x, y] = [a.user!.id, b.user!.id];
  for (const client of [a, b]) {
    await client.request('PUT', '/api/me/reminder-settings', { ...DEFAULT_REMINDER_SETTINGS, quietHours: null });
  }
  for (const kind of ['couple', 'space'] as const) {
    await writeDoc(docNameOf({ kind, spaceId: space.id }), (d) => {
      for (let i = 0; i < 5; i++) {
        const id = createPromise(
          d,
          actor(x, [x, y]),
          { text: `promise ${i}`, promiseeId: y, cadence: { type: 'once', dueDate: '2026-05-30' } },
          { now: EARLIER },
        );
        acceptPromise(d, actor(y, [x, y]), { itemId: id }, { now: EARLIER });
        createCard(d, actor(i % 2 ? x : y, [x, y]), { cardType: 'need', statement: `card ${i}` }, { now: EARLIER });
      }
    });
  }
  for (const userId of [x, y]) {
    await writeDoc(docNameOf({ kind: 'private', spaceId: space.id, userId }), (d) => {
      createPromise(
        d,
        actor(userId, [x, y]),
        { text: 'to myself', promiseeId: userId === x ? y : x, cadence: { type: 'once', dueDate: '2026-05-31' } },
        { now: EARLIER },
      );
    });
  }
}

const times: number[] = [];
let delivered = 0;
for (let i = 0; i < PASSES; i++) {
  const start = performance.now();
  delivered += await hearth.reminders.tick();
  times.push(performance.now() - start);
}
const quiet = times.slice(1);
console.log(
  JSON.stringify({
    spaces: SPACES,
    delivered,
    firstPassMs: Math.round(times[0]!),
    quietPassMedianMs: Math.round(median(quiet)),
    quietPerSpaceMs: Math.round((median(quiet) / SPACES) * 10) / 10,
    passesMs: times.map(Math.round),
  }),
);
await hearth.close();
await db.close();
process.exit(0);
