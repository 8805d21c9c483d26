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
  const queue = new WriteQueue(store, { logger, journal: new Journal(60_000), batchDelayMs: 2 });
  return { store, text, registry: new DocRegistry({ store, logger, unloadDelayMs: 60_000, hooks: { queue, store } }) };
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
