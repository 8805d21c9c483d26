import * as Y from 'yjs';
import { expect, it } from 'vitest';
import { createExperience, getItemText, itemsOf } from '@hearth/shared/board';
import { textOnlyChanges } from './textFastPath';

const alex = { userId: 'alex', partnerIds: ['alex', 'sam'] };

/** A client and the server's live copy of one plan; `edit` runs on the client, the update is read against the live copy. */
function read(edit: (client: Y.Doc, planId: string) => void) {
  const client = new Y.Doc();
  const planId = createExperience(client, alex, { title: 'Weekend' });
  getItemText(client, planId, 'notes')!.insert(0, 'bring tea');
  const live = new Y.Doc();
  Y.applyUpdate(live, Y.encodeStateAsUpdate(client));
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  edit(client, planId);
  return { changes: textOnlyChanges(live, Y.decodeUpdate(Y.mergeUpdates(updates))), live, planId };
}

it('reads typing and deleting in an existing text without applying it', () => {
  const { changes, live, planId } = read((client, planId) => {
    const notes = getItemText(client, planId, 'notes')!;
    notes.insert(9, ' and cake');
    notes.delete(0, 6);
  });
  expect([...changes!.entries()]).toEqual([[getItemText(live, planId, 'notes'), { inserted: 9, deleted: 6 }]]);
  expect(getItemText(live, planId, 'notes')!.toString()).toBe('bring tea');
});

it('leaves everything else to the slow path', () => {
  expect(read((client, planId) => itemsOf(client).get(planId)!.set('budget', 2)).changes).toBeNull();
  expect(read((client) => createExperience(client, alex, { title: 'New' })).changes).toBeNull();
  expect(read((client, planId) => itemsOf(client).delete(planId)).changes).toBeNull();
  expect(read((client) => client.getText('evil').insert(0, 'x')).changes).toBeNull();
});

it('leaves an update built on structs the server lacks to the slow path (missing dependencies)', () => {
  const client = new Y.Doc();
  const planId = createExperience(client, alex, { title: 'Weekend' });
  const live = new Y.Doc();
  Y.applyUpdate(live, Y.encodeStateAsUpdate(client));
  const notes = getItemText(client, planId, 'notes')!;
  notes.insert(0, 'a');
  const known = Y.encodeStateVector(client);
  notes.insert(1, 'b');
  // Only the second keystroke reaches the server: its origin is not there.
  expect(textOnlyChanges(live, Y.decodeUpdate(Y.encodeStateAsUpdate(client, known)))).toBeNull();
});
