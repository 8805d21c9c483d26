import type * as Y from 'yjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  acknowledgeCard,
  addCardComment,
  createCard,
  listItems,
  moveItem,
  removeCardComment,
  type BoardActor,
  type CardItem,
} from '@hearth/shared/board';
import { makeCouple, type Couple } from '../helpers/api';
import { startCollabTestServer, type CollabTestServer } from './collab-fixtures/appServer';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';

// Alex moves a card of theirs from "us" to "us + counsellor" (a copy into the target, then a
// delete from the source, on two sockets) while Sam comments on it or acknowledges it: content
// only Sam may write, which Alex's copy lacks. Nobody may be refused, the card may not be lost,
// and Sam's comment or acknowledgement must follow the card.

let server: CollabTestServer;
let couple: Couple;
const clients: TestClient[] = [];
let A: BoardActor;
let S: BoardActor;
let alexUs: TestClient;
let alexShared: TestClient;
let samUs: TestClient;
let samShared: TestClient;

beforeAll(async () => {
  server = await startCollabTestServer();
  couple = await makeCouple(server.baseUrl);
  const partnerIds = [couple.a.user!.id, couple.b.user!.id];
  [A, S] = partnerIds.map((userId): BoardActor => ({ userId, partnerIds })) as [BoardActor, BoardActor];
  [alexUs, alexShared] = [usDoc(), sharedDoc()].map((n) => join('a', n)) as [TestClient, TestClient];
  [samUs, samShared] = [usDoc(), sharedDoc()].map((n) => join('b', n)) as [TestClient, TestClient];
  await waitFor('sync', () => clients.every((c) => c.provider.synced));
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

const usDoc = () => `couple:${couple.space.id}`;
const sharedDoc = () => `space:${couple.space.id}`;
function join(who: 'a' | 'b', docName: string): TestClient {
  const client = connectClient(server.wsBase, docName, { cookie: couple[who].cookie, origin: server.baseUrl });
  clients.push(client);
  return client;
}
const has = (c: TestClient, id: string) => c.doc.getMap('items').has(id);
const card = (doc: Y.Doc, id: string): CardItem | undefined => listItems(doc, 'card').find((i) => i.id === id);

/** A card of Alex's in "us" that Sam has already commented on (so the copy carries Sam's words). */
async function cardSamCommentedOn(statement: string): Promise<string> {
  const id = createCard(alexUs.doc, A, { cardType: 'need', statement });
  await waitFor('the card to reach Sam', () => has(samUs, id));
  addCardComment(samUs.doc, S, { itemId: id, text: 'Seen it' });
  await waitFor("Sam's comment to reach Alex", () => (card(alexUs.doc, id)?.comments.length ?? 0) === 1);
  return id;
}

/** Sam's new comment or acknowledgement; returns how to find it on a card. */
function samAdds(kind: 'comment' | 'acknowledgement', id: string): (c: CardItem | undefined) => boolean {
  if (kind === 'acknowledgement') {
    acknowledgeCard(samUs.doc, S, { itemId: id, understood: true });
    return (c) => c?.acknowledgedBy === S.userId;
  }
  const commentId = addCardComment(samUs.doc, S, { itemId: id, text: 'Me too' });
  return (c) => c?.comments.some((m) => m.id === commentId) ?? false;
}

async function settled(id: string): Promise<void> {
  await waitFor('the move to settle', () => has(samShared, id) && !has(samUs, id) && !has(alexUs, id), 20_000);
  await waitFor('everything saved', () => clients.every((c) => c.allSaved()), 20_000);
}

// Each order the server can see the three writes in, made certain by holding back Alex's
// connection to "us": Sam's write first, or between the copy and the delete.
for (const kind of ['comment', 'acknowledgement'] as const) {
  it(`keeps Sam's ${kind} when it reaches the server before Alex's copy`, { timeout: 60_000 }, async () => {
    const refusalsBefore = server.collab.refusals();
    const id = await cardSamCommentedOn(`Before the copy: ${kind}`);
    alexUs.provider.disconnect();
    const found = samAdds(kind, id);
    await waitFor(`Sam's ${kind} to be saved`, () => samUs.allSaved());
    moveItem(alexUs.doc, alexShared.doc, A, { itemId: id });
    await waitFor('the copy to be saved', () => alexShared.allSaved());
    alexUs.provider.connect();
    await settled(id);
    expect(server.collab.refusals() - refusalsBefore).toBe(0);
    await waitFor(`Sam's ${kind} on the moved card`, () => found(card(samShared.doc, id)) && found(card(alexShared.doc, id)));
    expect(card(alexShared.doc, id)?.comments[0]?.text).toBe('Seen it');
  });

  it(`keeps Sam's ${kind} when it reaches the server between Alex's copy and delete`, { timeout: 60_000 }, async () => {
    const refusalsBefore = server.collab.refusals();
    const id = await cardSamCommentedOn(`Between copy and delete: ${kind}`);
    alexUs.provider.disconnect();
    moveItem(alexUs.doc, alexShared.doc, A, { itemId: id });
    await waitFor('the copy to be saved', () => alexShared.allSaved());
    const found = samAdds(kind, id);
    await waitFor(`Sam's ${kind} to be saved`, () => samUs.allSaved());
    alexUs.provider.connect();
    await settled(id);
    expect(server.collab.refusals() - refusalsBefore).toBe(0);
    await waitFor(`Sam's ${kind} on the moved card`, () => found(card(samShared.doc, id)) && found(card(alexShared.doc, id)));
  });
}

// Sam takes his comment back as Alex moves the card: Alex's copy still holds it, which cannot be
// told from a forged comment, so the copy is refused. The card must then go back where it was,
// whichever half of the move reached the server first.
for (const held of ['delete', 'copy'] as const) {
  it(`puts the card back in "us" when its copy is refused and the ${held} arrives last`, { timeout: 60_000 }, async () => {
    const refusalsBefore = server.collab.refusals();
    const id = await cardSamCommentedOn(`Refused copy, ${held} last`);
    // Alex's "us" is offline, so Alex's copy still holds Sam's comment.
    const offline = held === 'delete' ? [alexUs] : [alexUs, alexShared];
    for (const c of offline) c.provider.disconnect();
    removeCardComment(samUs.doc, S, { itemId: id, commentId: card(samUs.doc, id)!.comments[0]!.id });
    await waitFor("Sam's removal to be saved", () => samUs.allSaved());
    moveItem(alexUs.doc, alexShared.doc, A, { itemId: id });
    if (held === 'delete') {
      await waitFor('the copy to be refused', () => alexShared.permissionDenied.length > 0);
      alexUs.provider.connect();
    } else {
      alexUs.provider.connect();
      await waitFor('the delete to reach Sam', () => !has(samUs, id));
      alexShared.provider.connect();
    }
    await waitFor('the card back in "us" for both', () => has(samUs, id) && has(alexUs, id), 20_000);
    await waitFor('Alex and Sam saved', () => samUs.allSaved() && alexUs.allSaved());
    expect(server.collab.refusals() - refusalsBefore).toBe(1);
    expect(has(samShared, id)).toBe(false);
    expect(card(samUs.doc, id)).toMatchObject({ statement: `Refused copy, ${held} last`, comments: [] });
    // This plain client keeps the refused copy (Hearth's reloads the board): start it afresh.
    clients.splice(clients.indexOf(alexShared), 1);
    alexShared.destroy();
    alexShared = join('a', sharedDoc());
    await waitFor('a fresh "us + counsellor" for Alex', () => alexShared.provider.synced);
  });
}

// Both at once, nothing held back: the server sees the writes in whatever order they arrive.
it('refuses nobody and loses no card when moves race with the partner’s comments and acknowledgements', { timeout: 180_000 }, async () => {
  const ROUNDS = 16;
  const refusalsBefore = server.collab.refusals();
  const ids: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const id = await cardSamCommentedOn(`Race ${round}`);
    ids.push(id);
    samAdds(round % 2 === 0 ? 'comment' : 'acknowledgement', id);
    moveItem(alexUs.doc, alexShared.doc, A, { itemId: id });
    await settled(id);
    expect(server.collab.refusals() - refusalsBefore, `refused in round ${round}`).toBe(0);
  }
  const fresh = join('a', sharedDoc());
  await waitFor('fresh sync', () => fresh.provider.synced);
  const moved = ids.map((id) => card(fresh.doc, id));
  expect(moved.every((c) => c?.comments.some((m) => m.text === 'Seen it'))).toBe(true);
  expect(JSON.stringify(listItems(samShared.doc, 'card'))).toBe(JSON.stringify(listItems(fresh.doc, 'card')));
});
