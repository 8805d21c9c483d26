import { Types } from 'mongoose';
import { pino } from 'pino';
import * as Y from 'yjs';
import { expect, it } from 'vitest';
import { createExperience, getItemText, itemsOf } from '@hearth/shared/board';
import { DocRegistry } from './docRegistry';
import { Journal } from './journal';
import { createMemoryCollabStore } from './memoryStore';
import { WriteQueue } from './writeQueue';

const DOC = 'space:b2b2b2b2b2b2b2b2b2b2b2b2';
const logger = pino({ level: 'silent' });

/** A plan and `typed` characters typed into its notes, as a partner's client sends them. */
function typedUpdates(typed: number): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  createExperience(doc, { userId: 'a', partnerIds: ['a', 'b'] }, { title: 'Weekend away' });
  const notes = getItemText(doc, [...itemsOf(doc).keys()][0]!, 'notes')!;
  for (let i = 0; i < typed; i++) notes.insert(notes.length, String(i % 10));
  return { updates, text: notes.toString() };
}

async function registryOver(rows: number) {
  const store = createMemoryCollabStore();
  const { updates, text } = typedUpdates(rows);
  await store.append(
    'collab_journal_000000000_aaaaaa',
    updates.map((data, i) => ({ id: new Types.ObjectId(), doc: DOC, seq: i + 1, data })),
  );
  const written: number[] = [];
  const journal = new Journal(60_000);
  const queue = new WriteQueue(store, { logger, journal, batchDelayMs: 2, onWrite: (_s, updates) => written.push(updates) });
  return {
    store,
    text,
    queue,
    journal,
    written,
    registry: new DocRegistry({ store, logger, unloadDelayMs: 60_000, hooks: { queue, store } }),
  };
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('a document loaded with a long journal is compacted, so the next load reads one snapshot', async () => {
  const { store, text, registry } = await registryOver(300);
  const doc = await registry.acquire(DOC);
  const [planId] = itemsOf(doc.ydoc).keys();
  expect(getItemText(doc.ydoc, planId!, 'notes')!.toString()).toBe(text);
  await eventually(async () => doc.logLength === 0);
  const reloaded = await store.load(DOC);
  expect(reloaded.snapshotIds).toHaveLength(1);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, reloaded.updates[0]!);
  expect(getItemText(copy, planId!, 'notes')!.toString()).toBe(text);
});

it('a document loaded with a short journal is left as it is', async () => {
  const { store, registry } = await registryOver(20);
  const doc = await registry.acquire(DOC);
  await new Promise((r) => setTimeout(r, 50));
  expect(doc.logLength).toBe(21);
  expect((await store.load(DOC)).snapshotIds).toHaveLength(0);
});

it('a checkpoint folds the journal into one row of the next group commit, with no snapshot write', async () => {
  const { store, registry, queue, journal, written } = await registryOver(20);
  const doc = await registry.acquire(DOC);
  const [planId] = itemsOf(doc.ydoc).keys();
  const notes = () => getItemText(doc.ydoc, planId!, 'notes')!;
  const peer = { send: () => undefined };
  const type = (text: string) => {
    const before = Y.encodeStateVector(doc.ydoc);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc.ydoc));
    getItemText(copy, planId!, 'notes')!.insert(0, text);
    doc.applyChecked(Y.encodeStateAsUpdate(copy, before), peer);
  };
  type('a');
  await queue.drain(1000);
  const live = journal.begin();
  journal.end(live);
  expect(doc.needsSegment('collab_journal_000000000_aaaaaa')).toBe(true);

  expect(doc.checkpoint()).toBe(true);
  expect(doc.checkpoint()).toBe(false); // one at a time
  type('b'); // queued after the checkpoint: not covered by it
  written.length = 0;
  await queue.drain(1000);

  expect(written.reduce((n, w) => n + w, 0)).toBe(1); // the typed update; the checkpoint is not an update
  expect(doc.needsSegment('collab_journal_000000000_aaaaaa')).toBe(false);
  expect(doc.needsSegment(live)).toBe(true);
  expect(doc.logLength).toBe(2); // the checkpoint row and the update after it
  expect(Y.decodeStateVector(doc.storedStateVector())).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc.ydoc)));
  const stored = await store.load(DOC);
  expect(stored.snapshotIds).toHaveLength(0);
  // In its segment the checkpoint replaces the row before it ('a'): a load applies it and 'b'.
  expect(stored.segments.get(live)).toBe(2);
  expect(stored.updates).toHaveLength(21 + 2);

  // Without the old segment, the stored state is still the whole document.
  await store.dropSegment('collab_journal_000000000_aaaaaa');
  const copy = new Y.Doc();
  for (const u of (await store.load(DOC)).updates) Y.applyUpdate(copy, u);
  expect(getItemText(copy, planId!, 'notes')!.toString()).toBe(notes().toString());
});

it('a document that stopped changing is compacted into its snapshot, one being edited gets a checkpoint', async () => {
  const { store, registry, queue } = await registryOver(20);
  const doc = await registry.acquire(DOC);
  await registry.foldOlderThan(0, { checkpoints: 10, compactions: 10, busyMs: 60_000 });
  expect(doc.logLength).toBe(0); // idle since load: snapshot
  expect((await store.load(DOC)).snapshotIds).toHaveLength(1);

  const [planId] = itemsOf(doc.ydoc).keys();
  const before = Y.encodeStateVector(doc.ydoc);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc.ydoc));
  getItemText(copy, planId!, 'notes')!.insert(0, 'x');
  doc.applyChecked(Y.encodeStateAsUpdate(copy, before), { send: () => undefined });
  await queue.drain(1000);
  expect(doc.logLength).toBe(1);
  await registry.foldOlderThan(0, { checkpoints: 10, compactions: 10, busyMs: 60_000 });
  await queue.drain(1000);
  expect(doc.logLength).toBe(1); // the checkpoint row replaced the update's row
  expect((await store.load(DOC)).snapshotIds).toHaveLength(1); // no new snapshot
});

it('a cold open reads no journal segment the registry knows holds nothing of the document', async () => {
  const { store } = await registryOver(20);
  const queue = new WriteQueue(store, { logger, journal: new Journal(60_000), batchDelayMs: 2 });
  const asked: string[] = [];
  const registry = new DocRegistry({
    store,
    logger,
    unloadDelayMs: 60_000,
    hooks: { queue, store },
    skipSegment: (segment, doc) => {
      asked.push(`${doc} ${segment}`);
      return true;
    },
  });
  const doc = await registry.acquire(DOC);
  expect(asked).toEqual([`${DOC} collab_journal_000000000_aaaaaa`]);
  expect(doc.logLength).toBe(0);
  expect(itemsOf(doc.ydoc).size).toBe(0);
});

it('a document too large for a checkpoint row is compacted into its snapshot even while edited', async () => {
  const { store, registry, queue } = await registryOver(20);
  const doc = await registry.acquire(DOC);
  const [planId] = itemsOf(doc.ydoc).keys();
  const before = Y.encodeStateVector(doc.ydoc);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc.ydoc));
  getItemText(copy, planId!, 'notes')!.insert(0, 'x'.repeat(1_100_000));
  doc.applyChecked(Y.encodeStateAsUpdate(copy, before), { send: () => undefined });
  await queue.drain(5000);
  expect(doc.checkpointable).toBe(false);
  expect(doc.checkpoint()).toBe(false);
  await registry.foldOlderThan(0, { checkpoints: 10, compactions: 10, busyMs: 60_000 });
  expect(doc.logLength).toBe(0);
  expect((await store.load(DOC)).snapshotIds).toHaveLength(1);
});

it('an unload that meets a compaction under way waits until the rows stored during it are in a snapshot too', async () => {
  const memory = createMemoryCollabStore();
  let release: () => void = () => undefined;
  let slow = false;
  const store = {
    ...memory,
    async compact(...args: Parameters<typeof memory.compact>) {
      if (slow) await new Promise<void>((resolve) => (release = resolve));
      return memory.compact(...args);
    },
  };
  const journal = new Journal(600_000);
  const queue = new WriteQueue(store, { logger, journal, batchDelayMs: 2 });
  // Wired as the collab server wires it: a load skips own segments the journal says hold no row of the document.
  const registry = new DocRegistry({
    store,
    logger,
    unloadDelayMs: 20,
    hooks: { queue, store },
    skipSegment: (segment, doc) => !journal.mayHold(segment, doc),
    onUnloaded: (doc) => journal.forgetDoc(doc),
  });
  const client = new Y.Doc();
  const peer = { send: () => undefined };
  const type = (doc: Awaited<ReturnType<typeof registry.acquire>>, text: string) => {
    const before = Y.encodeStateVector(client);
    client.getText('notes').insert(client.getText('notes').length, text);
    doc.applyChecked(Y.encodeStateAsUpdate(client, before), peer);
  };

  const doc = await registry.acquire(DOC);
  type(doc, 'a');
  await queue.drain(1000);
  slow = true;
  const compacting = doc.compact(); // its snapshot holds 'a' only
  type(doc, 'B');
  type(doc, 'C');
  await queue.drain(1000); // stored (and acknowledged) while the snapshot is being written
  registry.release(DOC, doc); // the unload meets the compaction under way
  await new Promise((r) => setTimeout(r, 100));
  slow = false;
  release();
  await compacting;
  await eventually(async () => registry.loadedCount === 0);

  const reloaded = await registry.acquire(DOC);
  expect(reloaded.ydoc.getText('notes').toString()).toBe('aBC');
});
