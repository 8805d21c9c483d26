import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectTestDb, freshDbName } from '../helpers/database';
import { startCollabHarness, type CollabHarness } from './collab-fixtures/collabHarness';
import { openRaw, type RawClient } from './collab-fixtures/rawSocket';
import { waitFor } from './collab-fixtures/providers';

let h: CollabHarness;
const USER = 'a0000000000000000000000a';

beforeAll(async () => {
  await connectTestDb(freshDbName('collabunload'));
  h = await startCollabHarness((_u, doc) => ({ mode: 'write', role: 'partner', spaceId: doc.spaceId }), { unloadDelayMs: 50 });
});

afterAll(async () => {
  await h?.stop();
});

it('opening and closing 1,000 documents leaves none in memory', { timeout: 120_000 }, async () => {
  const names = Array.from({ length: 1000 }, (_, i) => `private:${i.toString(16).padStart(24, '0')}:${USER}`);
  for (let i = 0; i < names.length; i += 100) {
    const batch = names.slice(i, i + 100);
    const sockets: RawClient[] = await Promise.all(batch.map((n) => openRaw(`${h.wsBase}/${n}`, h.headersFor(USER))));
    // The first frame (sync step 1) arrives only once the document has loaded.
    await waitFor('documents to load', () => sockets.every((s) => s.frames.length > 0));
    expect(h.collab.stats().loadedDocuments).toBeGreaterThanOrEqual(batch.length);
    for (const s of sockets) s.ws.close();
  }
  await waitFor('every document to unload', () => h.collab.stats().loadedDocuments === 0, 60_000);
  expect(h.collab.stats().connections).toBe(0);
});
