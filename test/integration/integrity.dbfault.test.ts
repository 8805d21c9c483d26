import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExperience, getItemText } from '@hearth/shared/board';
import { ApiClient, makeCouple } from '../helpers/api';
import { startHearthWithOwnDatabase, type HearthWithOwnDatabase } from '../helpers/ownDatabase';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';
import { createMongoCollabStore } from '../../server/src/collab';

const collabStore = createMongoCollabStore();

// Hearth on an embedded FerretDB of its own (supervised, as `npm start` runs it), so that
// only that database process can be killed.
let own: HearthWithOwnDatabase;
let baseUrl: string;
let alex: TestClient | undefined;

beforeAll(async () => {
  own = await startHearthWithOwnDatabase();
  baseUrl = own.baseUrl;
}, 120_000);

afterAll(async () => {
  alex?.destroy();
  await own?.stop();
});

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await fn();
  return { ms: Date.now() - started, value };
}

describe('the embedded database is supervised', () => {
  it(
    'kill -9 of only the database: API fails fast with 503, Hearth recovers by itself, no acknowledged edit is lost',
    { timeout: 120_000 },
    async () => {
      const { a, b, space } = await makeCouple(baseUrl);
      const docName = `space:${space.id}`;
      alex = connectClient(own.wsBase, docName, { cookie: a.cookie, origin: baseUrl });
      await waitFor('sync', () => alex!.provider.synced);
      // Edits go through the board model (the server refuses anything else): typing into a plan's notes.
      const partnerIds = [a.user!.id, b.user!.id];
      const planId = createExperience(alex.doc, { userId: partnerIds[0]!, partnerIds }, { title: 'Fault test' });
      const text = getItemText(alex.doc, planId, 'notes')!;
      const supervised = own.database;

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
      expect(getItemText(copy, planId, 'notes')!.toString()).toBe('acked-1;during-1;acked-2;during-2;');
      expect((await new ApiClient(baseUrl).get('/api/health')).status).toBe(200);
    },
  );
});
