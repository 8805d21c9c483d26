import { createCard, createExperience, readBoard, setArchived, updateExperience } from '@hearth/shared/board';
import { docNameOf } from '@hearth/shared/realtime';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../server/src/audit/audit.model';
import { createLogger } from '../../server/src/platform/logger';
import { sweepRetention } from '../../server/src/privacy/retention';
import { stateOf } from '../../server/src/versions/snapshots';
import { BoardVersion, type BoardVersionRecord } from '../../server/src/versions/version.model';
import { makeCoupleWithCounsellor } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';
import { actor, writeDoc } from './privacy-fixtures/boardDocs';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ reminders: { intervalMs: 0 } });
});
afterAll(async () => {
  await server.stop();
});

const DAY = 86_400_000;
const titles = (c: TestClient) =>
  readBoard(c.doc)
    .items.map((i) => (i.kind === 'experience' ? i.title : i.kind === 'card' ? i.statement : i.kind))
    .sort();

describe('version history', () => {
  it('lists, previews and restores one item and the whole board live for both partners; an edit in between survives; a restore is undone by another', async () => {
    const c = await makeCoupleWithCounsellor(server.baseUrl);
    const [a, b] = [c.a.user!.id, c.b.user!.id];
    const name = docNameOf({ kind: 'couple', spaceId: c.space.id });
    const origin = { origin: server.baseUrl };
    const alex = connectClient(server.wsBase, name, { cookie: c.a.cookie, ...origin });
    const sam = connectClient(server.wsBase, name, { cookie: c.b.cookie, ...origin });
    try {
      await waitFor('both synced', () => alex.provider.synced && sam.provider.synced);
      let trip = '';
      alex.doc.transact(() => {
        trip = createExperience(alex.doc, actor(a, [a, b]), { title: 'Weekend in Lisbon' });
        createExperience(alex.doc, actor(a, [a, b]), { title: 'Pottery class' });
      });
      await waitFor('stored', () => alex.allSaved());
      const t0 = new Date(Date.now() + 1000);
      expect((await server.hearth.sweepVersions(t0)).taken).toBeGreaterThanOrEqual(1);

      const list = await c.a.get(`/api/spaces/${c.space.id}/versions?visibility=couple`);
      expect(list.status).toBe(200);
      expect(list.body.versions).toHaveLength(1);
      const [v1] = list.body.versions;
      expect(v1).toMatchObject({ visibility: 'couple', summary: { items: 2, changedSince: 2 } });
      const preview = await c.b.get(`/api/spaces/${c.space.id}/versions/${v1.id}`);
      expect(preview.body.items.map((i: { title: string }) => i.title).sort()).toEqual(['Pottery class', 'Weekend in Lisbon']);

      // After the version: Alex renames the trip, Sam adds a card.
      updateExperience(alex.doc, actor(a, [a, b]), { itemId: trip, title: 'Weekend in Porto' });
      createCard(sam.doc, actor(b, [a, b]), { cardType: 'need', statement: 'a slow morning' });
      await waitFor('edits stored', () => alex.allSaved() && sam.allSaved());
      await waitFor('both see the edits', () => titles(alex).includes('a slow morning') && titles(sam).includes('Weekend in Porto'));

      // One item: the trip comes back, Sam's card stays.
      const one = await c.a.post(`/api/spaces/${c.space.id}/versions/${v1.id}/restore`, { itemIds: [trip] });
      expect(one.status).toBe(200);
      const expected = ['Pottery class', 'Weekend in Lisbon', 'a slow morning'];
      await waitFor(
        'both see the item restored live',
        () => JSON.stringify(titles(alex)) === JSON.stringify(expected) && JSON.stringify(titles(sam)) === JSON.stringify(expected),
      );

      // Sam's activity says who restored what, from when (read from stored state: wait for it).
      const restoredLine = /^Alex restored “Weekend in Lisbon” from \w{3} \d{1,2} \w{3}$/;
      await waitFor("the restore in Sam's activity", async () =>
        (await c.b.get(`/api/spaces/${c.space.id}/activity`)).body.events.some((e: { text: string }) => restoredLine.test(e.text)),
      );

      // The whole board as it was; then undone by restoring the snapshot taken before it.
      const whole = await c.b.post(`/api/spaces/${c.space.id}/versions/${v1.id}/restore`, {});
      expect(whole.status).toBe(200);
      await waitFor(
        'both see the board as it was',
        () => !titles(alex).includes('a slow morning') && !titles(sam).includes('a slow morning'),
      );
      const undo = await c.b.post(`/api/spaces/${c.space.id}/versions/${whole.body.before}/restore`, {});
      expect(undo.status).toBe(200);
      await waitFor('the restore undone', () => titles(alex).includes('a slow morning') && titles(sam).includes('a slow morning'));
      const reasons = (await c.a.get(`/api/spaces/${c.space.id}/versions?visibility=couple`)).body.versions.map(
        (v: { reason: string }) => v.reason,
      );
      expect(reasons.filter((r: string) => r === 'restore')).toHaveLength(3);
      expect(await AuditEntry.countDocuments({ spaceId: c.space.id, action: 'version.restored' })).toBe(3);

      // Refusals: a counsellor never lists or restores; a version id is checked against the space.
      expect((await c.c.get(`/api/spaces/${c.space.id}/versions?visibility=space`)).body.error.code).toBe('forbidden');
      expect((await c.c.post(`/api/spaces/${c.space.id}/versions/${v1.id}/restore`, {})).status).toBe(403);
      expect((await c.a.post(`/api/spaces/${c.space.id}/versions/${v1.id}/restore`, { itemIds: ['nope'] })).body.error.code).toBe(
        'invalid_input',
      );
      expect((await c.a.get(`/api/spaces/${c.space.id}/versions?visibility=secret`)).body.error.code).toBe('invalid_input');
    } finally {
      alex.destroy();
      sam.destroy();
    }
  });

  it('only-me versions reach only their owner', async () => {
    const c = await makeCoupleWithCounsellor(server.baseUrl);
    const [a, b] = [c.a.user!.id, c.b.user!.id];
    const mine = docNameOf({ kind: 'private', spaceId: c.space.id, userId: a });
    await writeDoc(mine, (d) => createCard(d, actor(a, [a, b]), { cardType: 'trigger', statement: 'only for me' }));
    await server.hearth.sweepVersions(new Date(Date.now() + 1000));
    const own = await c.a.get(`/api/spaces/${c.space.id}/versions?visibility=private`);
    expect(own.body.versions).toHaveLength(1);
    expect((await c.b.get(`/api/spaces/${c.space.id}/versions?visibility=private`)).body.versions).toEqual([]);
    const id = own.body.versions[0].id;
    const peek = await c.b.get(`/api/spaces/${c.space.id}/versions/${id}`);
    expect(peek.status).toBe(404);
    expect(peek.body).toEqual({ error: { code: 'not_found', message: 'No such version.' } });
    expect((await c.b.post(`/api/spaces/${c.space.id}/versions/${id}/restore`, {})).status).toBe(404);
  });

  it('takes one daily snapshot per changed document however many sweeps run at once, and prunes after the keep period', async () => {
    const c = await makeCoupleWithCounsellor(server.baseUrl);
    const [a, b] = [c.a.user!.id, c.b.user!.id];
    const name = docNameOf({ kind: 'space', spaceId: c.space.id });
    const start = Date.now() + 1000;
    for (let trial = 0; trial < 10; trial++) {
      await writeDoc(name, (d) => createExperience(d, actor(a, [a, b]), { title: `plan ${trial}` }));
      // The stored change is newer than the last snapshot only if the clock of the sweep says so:
      // each trial is its own day, a little after the previous version.
      const when = new Date(start + trial * DAY);
      await BoardVersion.updateMany({ docName: name }, { $set: { at: new Date(Date.now() - 1000) } });
      await Promise.all([server.hearth.sweepVersions(when), server.hearth.sweepVersions(when), server.hearth.sweepVersions(when)]);
      expect(await BoardVersion.countDocuments({ docName: name })).toBe(trial + 1);
    }
    // Unchanged since the latest version: no new one.
    await server.hearth.sweepVersions(new Date(start + 20 * DAY));
    expect(await BoardVersion.countDocuments({ docName: name })).toBe(10);
    const pruned = await server.hearth.sweepVersions(new Date(start + 9 * DAY + 91 * DAY));
    expect(pruned.pruned).toBeGreaterThanOrEqual(10);
    expect(await BoardVersion.countDocuments({ docName: name })).toBe(0);
  });

  it("leaving safely takes the leaver's words out of history too: their only-me versions and, unless kept, the shared boards' versions; history restarts from the board as they left it", async () => {
    for (const choice of ['delete', 'anonymise', 'keep'] as const) {
      const c = await makeCoupleWithCounsellor(server.baseUrl);
      const [a, b] = [c.a.user!.id, c.b.user!.id];
      const couple = docNameOf({ kind: 'couple', spaceId: c.space.id });
      const mine = docNameOf({ kind: 'private', spaceId: c.space.id, userId: a });
      await writeDoc(couple, (d) => createExperience(d, actor(a, [a, b]), { title: 'my words' }));
      await writeDoc(couple, (d) => createExperience(d, actor(b, [a, b]), { title: 'their words' }));
      await writeDoc(mine, (d) => createExperience(d, actor(a, [a, b]), { title: 'my secret' }));
      await server.hearth.sweepVersions(new Date(Date.now() + 1000));
      expect(await BoardVersion.countDocuments({ docName: couple })).toBe(1);
      expect(await BoardVersion.countDocuments({ docName: mine })).toBe(1);
      expect((await c.a.post(`/api/spaces/${c.space.id}/leave-safely`, { sharedItems: choice })).status).toBe(200);
      expect(await BoardVersion.countDocuments({ docName: mine })).toBe(0);

      const versions = (await c.b.get(`/api/spaces/${c.space.id}/versions?visibility=couple`)).body.versions;
      if (choice === 'keep') {
        // The shared boards were not changed: their history stays as it was.
        expect(versions.map((v: { reason: string }) => v.reason)).toEqual(['daily']);
        continue;
      }
      // The one version left is the board as they left it: their words (delete) are not in its
      // stored bytes, nothing in it names them (anonymise), and Sam's item is there.
      expect(versions.map((v: { reason: string }) => v.reason)).toEqual(['departure']);
      const rows = await BoardVersion.find({ docName: couple }).lean<BoardVersionRecord[]>();
      expect(rows).toHaveLength(1);
      const raw = Buffer.from(stateOf(rows[0]!));
      expect(raw.includes('their words')).toBe(true);
      if (choice === 'anonymise') {
        // Nothing readable names them (Yjs keeps the key of a removed map entry, as the live
        // board does: their id as a key of an emptied entry is the one trace, never their words).
        const then = new Y.Doc();
        Y.applyUpdate(then, stateOf(rows[0]!));
        expect(JSON.stringify(then.toJSON())).not.toContain(a);
      }
      if (choice === 'delete') expect(raw.includes('my words')).toBe(false);
      const preview = await c.b.get(`/api/spaces/${c.space.id}/versions/${versions[0].id}`);
      const titlesThen = preview.body.items.map((i: { title: string }) => i.title).sort();
      expect(titlesThen).toEqual(choice === 'delete' ? ['their words'] : ['my words', 'their words']);
    }
  });

  it('what the retention schedule removes from the board does not survive in versions', async () => {
    const c = await makeCoupleWithCounsellor(server.baseUrl);
    const [a, b] = [c.a.user!.id, c.b.user!.id];
    const name = docNameOf({ kind: 'couple', spaceId: c.space.id });
    const who = actor(a, [a, b]);
    const now = Date.now();
    const ids = { old: '', kept: '' };
    // Archived 300 days ago: still within the 12 months when the first version is taken.
    await writeDoc(name, (d) => {
      ids.old = createCard(d, who, { cardType: 'need', statement: 'canary-archived-7f3a' });
      ids.kept = createCard(d, who, { cardType: 'need', statement: 'still here' });
      setArchived(d, who, { itemId: ids.old, archived: true }, { now: new Date(now - 300 * DAY) });
    });
    await server.hearth.sweepVersions(new Date(now + 1000));
    const [first] = await BoardVersion.find({ docName: name }).lean<BoardVersionRecord[]>();
    expect(Buffer.from(stateOf(first!)).includes('canary-archived-7f3a')).toBe(true);

    // 70 days on the item is past its 12 months: a version taken before the retention sweep
    // has run already leaves it out.
    const later = new Date(now + 70 * DAY);
    await writeDoc(name, (d) => createExperience(d, who, { title: 'a later plan' }));
    await BoardVersion.updateMany({ docName: name }, { $set: { at: new Date(now - 1000) } });
    await server.hearth.sweepVersions(later);
    const second = await BoardVersion.findOne({ docName: name, slot: trustedSlot(name, later) }).lean<BoardVersionRecord>();
    expect(second).not.toBeNull();
    expect(Buffer.from(stateOf(second!)).includes('canary-archived-7f3a')).toBe(false);
    expect(Buffer.from(stateOf(second!)).includes('still here')).toBe(true);

    // The sweep removes it from the board and from the older version, which stays otherwise.
    const counts = await sweepRetention(
      {
        logger: createLogger('silent'),
        withDoc: (n, fn) => server.hearth.collab.withDoc(n, fn, 'retention'),
        stored: server.hearth.storedDocs,
      },
      later,
    );
    expect(counts.archivedItems).toBeGreaterThanOrEqual(1);
    expect(counts.versionsTrimmed).toBeGreaterThanOrEqual(1);
    expect(await server.hearth.collab.withDoc(name, (d) => d.getMap('items').has(ids.old))).toBe(false);
    const rows = await BoardVersion.find({ docName: name }).lean<BoardVersionRecord[]>();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(Buffer.from(stateOf(row)).includes('canary-archived-7f3a')).toBe(false);
    // (The sweep at that date also ended the test's sessions: read the version as stored.)
    const trimmed = await BoardVersion.findById(first!._id).lean<BoardVersionRecord>();
    const then = new Y.Doc();
    Y.applyUpdate(then, stateOf(trimmed!));
    expect(readBoard(then).items.map((i) => i.id)).toEqual([ids.kept]);
    expect(trimmed!.items).toBe(1);
    // A second sweep has nothing more to do for this board.
    const again = await sweepRetention(
      {
        logger: createLogger('silent'),
        withDoc: (n, fn) => server.hearth.collab.withDoc(n, fn, 'retention'),
        stored: server.hearth.storedDocs,
      },
      later,
    );
    expect(await BoardVersion.countDocuments({ docName: name })).toBe(2);
    expect(again.archivedItems).toBe(0);
  });
});

function trustedSlot(docName: string, at: Date): string {
  return `${docName}|day|${at.toISOString().slice(0, 10)}`;
}
