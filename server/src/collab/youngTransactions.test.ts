import { pino } from 'pino';
import * as Y from 'yjs';
import { expect, it } from 'vitest';
import { createExperience, getItemText, itemsOf } from '@hearth/shared/board';
import { DocRegistry } from './docRegistry';
import { Journal } from './journal';
import { createMemoryCollabStore } from './memoryStore';
import { WriteQueue } from './writeQueue';

const DOC = 'space:c3c3c3c3c3c3c3c3c3c3c3c3';
const logger = pino({ level: 'silent' });
const peer = { send: () => undefined };

async function loaded() {
  const store = createMemoryCollabStore();
  const queue = new WriteQueue(store, { logger, journal: new Journal(60_000), batchDelayMs: 2 });
  const registry = new DocRegistry({ store, logger, unloadDelayMs: 60_000, hooks: { queue, store } });
  return registry.acquire(DOC);
}

/** A partner's client: its plan, and then one keystroke into the plan's notes. */
function partner() {
  const doc = new Y.Doc();
  createExperience(doc, { userId: 'a', partnerIds: ['a', 'b'] }, { title: 'Weekend away' });
  const created = Y.encodeStateAsUpdate(doc);
  const keystroke = (char: string) => {
    const before = Y.encodeStateVector(doc);
    getItemText(doc, [...itemsOf(doc).keys()][0]!, 'notes')!.insert(0, char);
    return Y.encodeStateAsUpdate(doc, before);
  };
  return { created, keystroke };
}

it('an edit is not pushed into the transaction list that was there before it (which may be in the old generation)', async () => {
  const live = await loaded();
  const client = partner();
  expect(live.applyChecked(client.created, peer).ok).toBe(true);
  for (const char of 'hi') {
    const listBefore = live.ydoc._transactionCleanups;
    expect(live.applyChecked(client.keystroke(char), peer).ok).toBe(true);
    // Yjs replaces the list after the edit; the one before must not have held its transaction.
    expect(listBefore).toHaveLength(0);
    expect(live.ydoc._transactionCleanups).toHaveLength(0);
  }
  const remoteListBefore = live.ydoc._transactionCleanups;
  live.applyRemote(client.keystroke('!'));
  expect(remoteListBefore).toHaveLength(0);
  expect(getItemText(live.ydoc, [...itemsOf(live.ydoc).keys()][0]!, 'notes')!.toString()).toBe('!ih');
});

it('a change made by an observer while Yjs cleans up an edit is still applied and cleaned up', async () => {
  const live = await loaded();
  const client = partner();
  expect(live.applyChecked(client.created, peer).ok).toBe(true);
  const seen = live.ydoc.getMap<number>('seen');
  live.ydoc.on('afterTransaction', (tr: Y.Transaction) => {
    // A transaction inside the clean-up: the list is not empty then, so it must be left alone.
    if (tr.origin !== 'observer') live.ydoc.transact(() => seen.set('edits', (seen.get('edits') ?? 0) + 1), 'observer');
  });
  expect(live.applyChecked(client.keystroke('a'), peer).ok).toBe(true);
  expect(live.applyChecked(client.keystroke('b'), peer).ok).toBe(true);
  expect(seen.get('edits')).toBe(2);
  expect(live.ydoc._transactionCleanups).toHaveLength(0);
  expect(live.ydoc._transaction).toBeNull();
});
