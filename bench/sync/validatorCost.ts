/**
 * What the board rules cost per incoming update, in isolation (no sockets, no database): a
 * live document of a lived-in board receives keystrokes typed into an existing plan's notes,
 * and then new steps, through `LiveDoc.applyChecked` with and without the board validator.
 * Run: `npx tsx bench/sync/validatorCost.ts` (ITEMS, UPDATES override the sizes; steps are
 * capped at 150, under the board's limit of 200 per plan).
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { addStep, createCard, createExperience, getItemText, type BoardActor } from '@hearth/shared/board';
import { createBoardValidator } from '../../server/src/collab';
import { LiveDoc } from '../../server/src/collab/liveDoc';
import type { UpdateView } from '../../server/src/collab/hooks';
import { textOnlyChanges } from '../../server/src/collab/validation/textFastPath';
import type { WriteQueue } from '../../server/src/collab/writeQueue';

const ITEMS = Number(process.env.ITEMS ?? 300);
const UPDATES = Number(process.env.UPDATES ?? 3000);
const SPACE = 'a1a1a1a1a1a1a1a1a1a1a1a1';
const DOC = `couple:${SPACE}`;
const partnerIds = ['alex', 'sam'];
const alex: BoardActor = { userId: 'alex', partnerIds };

/** A board of ITEMS plans and cards, and one plan to type into. */
function board(): { state: Uint8Array; client: Y.Doc; planId: string } {
  const client = new Y.Doc();
  for (let i = 0; i < ITEMS; i++) {
    if (i % 2 === 0) createExperience(client, alex, { title: `Plan ${i}`, steps: [{ text: 'book' }, { text: 'pack' }] });
    else createCard(client, alex, { cardType: 'need', statement: `Need ${i} `.repeat(10) });
  }
  const planId = createExperience(client, alex, { title: 'Typed into' });
  return { state: Y.encodeStateAsUpdate(client), client, planId };
}

function liveDoc(state: Uint8Array): LiveDoc {
  const queue = { enqueue: () => undefined } as unknown as WriteQueue;
  const store = { compact: () => Promise.reject(new Error('not in this benchmark')) };
  return new LiveDoc(DOC, { updates: [state], snapshotIds: [], segments: new Map(), maxSeq: 0, bytes: state.length }, { queue, store });
}

/** µs per update for `make` (which edits the client doc once), validated or not. */
function run(validated: boolean, make: (client: Y.Doc, planId: string, i: number) => void, count: number): number {
  const { state, client, planId } = board();
  const doc = liveDoc(state);
  const validator = createBoardValidator();
  const peer = { send: () => undefined };
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) make(client, planId, i);
  const check = (update: Uint8Array) => (view: () => UpdateView) =>
    validator({
      docName: DOC,
      parsed: { kind: 'couple', spaceId: SPACE },
      user: { id: 'alex', email: 'alex@bench', displayName: 'Alex' },
      grant: { mode: 'write', role: 'partner', spaceId: SPACE, partnerIds },
      update,
      view,
      textChanges: () => (process.env.FAST === '0' ? null : textOnlyChanges(doc.ydoc, Y.decodeUpdate(update))),
      loadedDoc: () => undefined,
    });
  const start = performance.now();
  for (const update of updates) {
    const verdict = doc.applyChecked(update, peer, validated ? check(update) : undefined);
    if (!verdict.ok) throw new Error(`refused: ${verdict.reason}`);
  }
  const micros = ((performance.now() - start) * 1000) / updates.length;
  doc.destroy();
  return micros;
}

const typing = (client: Y.Doc, planId: string, i: number) => {
  const notes = getItemText(client, planId, 'notes')!;
  notes.insert(notes.length, String.fromCharCode(97 + (i % 26)));
};
const steps = (client: Y.Doc, planId: string, i: number) => void addStep(client, alex, { itemId: planId, text: `step ${i}` });

const rows = [
  ['typing into existing notes', typing, UPDATES],
  ['adding a step', steps, 150],
] as const;
console.log(`board of ${ITEMS} items (µs per update)`);
for (const [name, make, count] of rows) {
  const plain = run(false, make, count);
  const checked = run(true, make, count);
  console.log(`${name} (${count} updates): ${plain.toFixed(1)} unvalidated, ${checked.toFixed(1)} validated`);
}
