import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHearth, type Hearth } from '../../server/src/app';
import { collabStore } from '../../server/src/collab/collabStore';
import { openDatabase, type Database } from '../../server/src/platform/db/database';
import type { SupervisedDatabase } from '../../server/src/platform/db/supervisor';
import { loadEnv } from '../../server/src/platform/env';
import { createLogger } from '../../server/src/platform/logger';
import { ApiClient, makeCouple } from '../helpers/api';
import { freePort } from '../helpers/server';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';

// Hearth on an embedded FerretDB of its own (supervised, as `npm start` runs it), so that
// only that database process can be killed.
let dataDir: string;
let db: Database;
let hearth: Hearth;
let baseUrl: string;
let alex: TestClient | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-dbfault-'));
  const logger = createLogger((process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent');
  if (mongoose.connection.readyState !== 0) await mongoose.disconnect();
  db = await openDatabase({ mongodbUri: undefined, dataDir, logger, dbName: 'fault' });
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env = loadEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SESSION_SECRET: 's'.repeat(40), PUBLIC_ORIGIN: baseUrl, LOG_LEVEL: 'silent' });
  hearth = createHearth({ env, logger });
  await hearth.listen(port, '127.0.0.1');
}, 120_000);

afterAll(async () => {
  alex?.destroy();
  await hearth?.close();
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await fn();
  return { ms: Date.now() - started, value };
}

describe('the embedded database is supervised', () => {
  it('kill -9 of only the database: API fails fast with 503, Hearth recovers by itself, no acknowledged edit is lost', { timeout: 120_000 }, async () => {
    const { a, space } = await makeCouple(baseUrl);
    const docName = `space:${space.id}`;
    alex = connectClient(baseUrl.replace('http', 'ws') + '/yjs', docName, { cookie: a.cookie, origin: baseUrl });
    await waitFor('sync', () => alex!.provider.synced);
    const text = alex.doc.getText('fault-test');
    const supervised = db.embedded as SupervisedDatabase;

    for (let round = 1; round <= 2; round++) {
      text.insert(text.length, `acked-${round};`);
      await waitFor('the edit to be acknowledged', () => alex!.allSaved());

      const pid = supervised.process.pid!;
      process.kill(pid, 'SIGKILL');
      text.insert(text.length, `during-${round};`);

      // Fast failure while it is down, for the very first request after the kill too.
      const me = await timed(() => a.get('/api/me'));
      expect(me.value.status).toBe(503);
      expect(me.value.body.error.code).toBe('database_unavailable');
      expect(me.ms).toBeLessThanOrEqual(2000);
      const health = await timed(() => new ApiClient(baseUrl).get('/api/health'));
      expect(health.value.status).toBe(503);
      expect(health.value.body).toEqual({ status: 'degraded', db: 'down' });
      expect(health.ms).toBeLessThanOrEqual(2000);

      // Back by itself: a new process, the API answers, the waiting edit is stored and acknowledged.
      await waitFor('the API to answer again', async () => (await a.get('/api/me')).status === 200, 60_000);
      expect(supervised.process.pid).not.toBe(pid);
      expect(supervised.restarts()).toBe(round);
      await waitFor('the edit made during the outage to be acknowledged', () => alex!.allSaved(), 60_000);
    }

    const stored = await collabStore.load(docName);
    const copy = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(copy, u);
    expect(copy.getText('fault-test').toString()).toBe('acked-1;during-1;acked-2;during-2;');
    expect((await new ApiClient(baseUrl).get('/api/health')).status).toBe(200);
  });
});
