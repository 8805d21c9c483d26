import * as Y from 'yjs';
import { expect, it } from 'vitest';
import { reachedBy, reachedClocks } from './updateClocks';

/** Two partners' documents exchanging every kind of change the hot path sees. */
function scenes(): Uint8Array[] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const updates: Uint8Array[] = [];
  a.on('update', (u: Uint8Array) => updates.push(u));
  b.on('update', (u: Uint8Array) => updates.push(u));
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  const notes = a.getText('notes');
  notes.insert(0, 'A weekend by the sea');
  sync();
  b.getText('notes').insert(2, 'long ');
  b.getMap('plan').set('when', 'June');
  notes.delete(0, 2); // delete only
  sync();
  a.transact(() => {
    notes.insert(notes.length, '!');
    a.getMap('plan').set('who', 'both');
  });
  sync();
  return updates;
}

it('reads the clocks an update reaches as Y.parseUpdateMeta does, from its decoded structs', () => {
  const updates = scenes();
  const merged = Y.mergeUpdates(updates);
  // The first and third keystroke merged leave a gap in a client's clocks (a Skip struct).
  const typing = new Y.Doc();
  const keystrokes: Uint8Array[] = [];
  typing.on('update', (u: Uint8Array) => keystrokes.push(u));
  for (const ch of 'abc') typing.getText('notes').insert(0, ch);
  const withGap = Y.mergeUpdates([keystrokes[0]!, keystrokes[2]!]);
  expect(Y.decodeUpdate(withGap).structs.some((s) => s instanceof Y.Skip)).toBe(true);
  for (const update of [...updates, merged, Y.mergeUpdates(updates.slice(1, 4)), withGap]) {
    expect(reachedBy(Y.decodeUpdate(update).structs)).toEqual(Y.parseUpdateMeta(update).to);
  }
});

it('reads the clocks of the update a transaction emits from the transaction, for every change and for updates that wait for others', () => {
  const updates = scenes();
  const live = new Y.Doc();
  const seen: Array<{ update: Uint8Array; reaches: Map<number, number> }> = [];
  live.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    seen.push({ update, reaches: reachedClocks(tr) });
  });
  // Out of order: later updates wait in Yjs until the ones before them arrive.
  for (const update of [updates[2]!, updates[0]!, updates[1]!, ...updates.slice(3)]) Y.applyUpdate(live, update);
  live.getText('notes').insert(0, '♥');
  expect(seen.length).toBeGreaterThan(3);
  for (const { update, reaches } of seen) expect(reaches).toEqual(Y.parseUpdateMeta(update).to);
});
