import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptPromise, respondToAppreciation, addCardComment, addCheckin, confirmPromise, createAppreciation, createCard, createExperience,
  createPromise, getItemText, markPromise, setExperienceStatus, type BoardActor,
} from '@hearth/shared/board';
import * as encoding from 'lib0/encoding';
import { BoardRefusal, MessageType, SyncMessageType, parseRefusal } from '@hearth/shared/realtime';
import { makeCouple, type Couple } from '../helpers/api';
import { startCollabTestServer, type CollabTestServer } from './collab-fixtures/appServer';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';

// A modified client (plain yjs over the y-websocket protocol, not Hearth's board model) tries
// to write what the board rules forbid. Each forgery must be refused with its reason, and be
// nowhere: not in the partner's copy (not broadcast), not in storage, not in the export.

let server: CollabTestServer;
let couple: Couple;
let alexId: string;
let samId: string;
const clients: TestClient[] = [];
const today = new Date().toISOString().slice(0, 10);
const now = () => new Date().toISOString();
const ids: Record<string, string> = {};
let alex: TestClient;
let alexSpace: TestClient;
let sam: TestClient;

function join(who: 'a' | 'b', docName: string): TestClient {
  const client = connectClient(server.wsBase, docName, { cookie: couple[who].cookie, origin: server.baseUrl });
  clients.push(client);
  return client;
}
const coupleDoc = () => `couple:${couple.space.id}`;
const spaceDoc = () => `space:${couple.space.id}`;

/** A raw Y.Map holding `fields`: how a modified client builds things. */
function rawMap(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return map;
}
const items = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('items');
const item = (doc: Y.Doc, key: string) => items(doc).get(ids[key]!)!;
const base = (id: string, kind: string, by: string) => ({
  id, kind, createdBy: by, createdAt: now(), updatedAt: now(), updatedBy: by, archived: false, archivedAt: null, position: 'a0',
});

beforeAll(async () => {
  server = await startCollabTestServer();
  couple = await makeCouple(server.baseUrl);
  alexId = couple.a.user!.id;
  samId = couple.b.user!.id;
  const partnerIds = [alexId, samId];
  const A: BoardActor = { userId: alexId, partnerIds };
  const S: BoardActor = { userId: samId, partnerIds };
  alex = join('a', coupleDoc());
  sam = join('b', coupleDoc());
  alexSpace = join('a', spaceDoc());
  await waitFor('sync', () => alex.provider.synced && sam.provider.synced && alexSpace.provider.synced);

  // The board the forger goes after, written honestly through the board model.
  ids.experience = createExperience(alex.doc, A, { title: 'Trip', steps: [{ text: 'Book the train' }] });
  ids.done = createExperience(alex.doc, A, { title: 'Picnic', status: 'planned' });
  setExperienceStatus(alex.doc, A, { itemId: ids.done, status: 'done' });
  ids.card = createCard(alex.doc, A, { cardType: 'need', statement: 'Quiet evenings' });
  ids.alexComment = addCardComment(alex.doc, A, { itemId: ids.card, text: 'Mine' });
  ids.proposed = createPromise(alex.doc, A, { text: 'Call mum', promiseeId: samId, cadence: { type: 'daily' } });
  ids.accepted = createPromise(alex.doc, A, { text: 'Phone away at dinner', promiseeId: samId, cadence: { type: 'once', dueDate: today } });
  ids.appreciation = createAppreciation(alex.doc, A, { toId: samId, text: 'Thank you' });
  ids.checkin = addCheckin(alex.doc, A, { mood: 4, feelings: ['calm'], need: 'rest' });
  ids.fence = createExperience(alex.doc, A, { title: 'Fence' });
  ids.spaceCard = createCard(alexSpace.doc, A, { cardType: 'boundary', statement: 'Counsellor may see this' });
  await waitFor('Alex\'s items to reach Sam', () => items(sam.doc).has(ids.fence!));
  acceptPromise(sam.doc, S, { itemId: ids.accepted });
  // Sam, who received Alex's appreciation, answers it: an honest edit of Alex's item.
  respondToAppreciation(sam.doc, S, { itemId: ids.appreciation, heart: true, reply: 'Any time' });
  ids.samThanks = createAppreciation(sam.doc, S, { toId: alexId, text: 'Thanks for dinner' });
  ids.samCard = createCard(sam.doc, S, { cardType: 'boundary', statement: 'No phones in bed' });
  ids.samProposed = createPromise(sam.doc, S, { text: 'Cook on Sunday', promiseeId: alexId, cadence: { type: 'weekly' } });
  ids.samConfirmed = createPromise(sam.doc, S, { text: 'Plan a date', promiseeId: alexId, cadence: { type: 'once', dueDate: today } });
  ids.samMarked = createPromise(sam.doc, S, { text: 'Walk the dog', promiseeId: alexId, cadence: { type: 'once', dueDate: today } });
  await waitFor('Sam\'s items to reach Alex', () => items(alex.doc).has(ids.samMarked!));
  acceptPromise(alex.doc, A, { itemId: ids.samConfirmed });
  acceptPromise(alex.doc, A, { itemId: ids.samMarked });
  await waitFor('acceptances to reach Sam', () => item(sam.doc, 'samMarked').get('status') === 'accepted' && item(sam.doc, 'samConfirmed').get('status') === 'accepted');
  markPromise(sam.doc, S, { itemId: ids.samConfirmed, outcome: 'kept' });
  markPromise(sam.doc, S, { itemId: ids.samMarked, outcome: 'kept' });
  await waitFor('marks to reach Alex', () => item(alex.doc, 'samConfirmed').get('status') === 'kept');
  confirmPromise(alex.doc, A, { itemId: ids.samConfirmed });
  await waitFor('all saved', () => alex.allSaved() && sam.allSaved() && alexSpace.allSaved());
  expect(server.collab.refusals()).toBe(0);
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

interface Forgery {
  name: string;
  expected: BoardRefusal;
  doc?: 'couple' | 'space';
  /** Edits the forger's copy in one transaction (one update); or sends raw bytes with `send`. */
  forge(doc: Y.Doc, send: (update: Uint8Array) => void): void;
}

/** An update whose parent item the server never received. */
function updateWithMissingParent(): Uint8Array {
  const ghost = new Y.Doc();
  const map = new Y.Map<unknown>();
  ghost.getMap('items').set('ghost', map);
  const known = Y.encodeStateVector(ghost);
  map.set('note', 'FORGED');
  return Y.encodeStateAsUpdate(ghost, known);
}

const STAMP = { at: now() };
const forgeries: Forgery[] = [
  // Structure
  { name: 'writes an unknown root type', expected: BoardRefusal.unknownRoot, forge: (d) => d.getMap('evil').set('x', 'FORGED') },
  { name: 'adds an item of an unknown kind', expected: BoardRefusal.invalidStructure,
    forge: (d) => items(d).set('forged-kind', rawMap({ ...base('forged-kind', 'note', samId), text: 'FORGED' })) },
  { name: 'adds a field the board does not define', expected: BoardRefusal.invalidStructure, forge: (d) => item(d, 'experience').set('secret', 'FORGED') },
  { name: 'writes a value of the wrong type', expected: BoardRefusal.invalidStructure, forge: (d) => item(d, 'experience').set('status', 42) },
  { name: 'types past the size limit', expected: BoardRefusal.tooLarge, forge: (d) => (item(d, 'experience').get('notes') as Y.Text).insert(0, 'FORGED'.repeat(4000)) },
  { name: 'hides an embed inside a text', expected: BoardRefusal.invalidStructure, forge: (d) => (item(d, 'experience').get('title') as Y.Text).insertEmbed(0, { FORGED: true }) },
  { name: 'lowers the schema version', expected: BoardRefusal.immutable, forge: (d) => d.getMap('meta').set('schemaVersion', 0) },
  // Journey settings: only in "us + counsellor", and each partner decides only about their own mood line.
  { name: 'hides Alex\'s mood line from the counsellor', expected: BoardRefusal.forgedAuthor, doc: 'space',
    forge: (d) => d.getMap('journey').set(`hideMood:${alexId}`, true) },
  { name: 'stores something else among the journey settings', expected: BoardRefusal.invalidStructure, doc: 'space',
    forge: (d) => d.getMap('journey').set('note', 'FORGED') },
  { name: 'writes journey settings into the couple-only board', expected: BoardRefusal.unknownRoot,
    forge: (d) => d.getMap('journey').set('timeZone', 'Europe/Berlin') },
  { name: 'sends an edit built on items the server never had', expected: BoardRefusal.missingDependencies,
    forge: (_d, send) => send(updateWithMissingParent()) },
  // Authorship
  { name: 'creates a card in Alex\'s name', expected: BoardRefusal.forgedAuthor,
    forge: (d) => items(d).set('forged-card', rawMap({
      ...base('forged-card', 'card', samId), authorId: alexId, cardType: 'need', statement: new Y.Text('FORGED'), helps: new Y.Text(''),
      avoid: new Y.Text(''), acknowledgedBy: null, acknowledgedAt: null, revisitDate: null, comments: new Y.Array(),
    })) },
  { name: 'creates an appreciation with createdBy Alex', expected: BoardRefusal.forgedAuthor,
    forge: (d) => items(d).set('forged-thanks', rawMap({ ...base('forged-thanks', 'appreciation', alexId), fromId: samId, toId: alexId, text: new Y.Text('FORGED') })) },
  { name: 'stamps updatedBy with Alex', expected: BoardRefusal.forgedAuthor, forge: (d) => item(d, 'samCard').set('updatedBy', alexId) },
  { name: 'comments in Alex\'s name', expected: BoardRefusal.forgedAuthor,
    forge: (d) => (item(d, 'card').get('comments') as Y.Array<unknown>).push([{ id: 'forged-comment', by: alexId, ...STAMP, text: 'FORGED' }]) },
  { name: 'appends a history entry in Alex\'s name', expected: BoardRefusal.forgedAuthor,
    forge: (d) => (item(d, 'experience').get('history') as Y.Array<unknown>).push([{ ...STAMP, by: alexId, action: 'planned', note: 'FORGED' }]) },
  { name: 'ticks a step as done by Alex', expected: BoardRefusal.forgedAuthor,
    forge: (d) => {
      const step = (item(d, 'experience').get('steps') as Y.Array<Y.Map<unknown>>).get(0);
      step.set('done', true);
      step.set('doneAt', now());
      step.set('doneBy', alexId);
    } },
  // Cards
  { name: 'rewrites Alex\'s needs card', expected: BoardRefusal.notAuthor, forge: (d) => (item(d, 'card').get('statement') as Y.Text).insert(0, 'FORGED ') },
  { name: 'changes the type of Alex\'s card', expected: BoardRefusal.notAuthor, forge: (d) => item(d, 'card').set('cardType', 'trigger') },
  { name: 'acknowledges Alex\'s card in Alex\'s name', expected: BoardRefusal.forgedAuthor,
    forge: (d) => {
      item(d, 'card').set('acknowledgedBy', alexId);
      item(d, 'card').set('acknowledgedAt', now());
    } },
  { name: 'acknowledges its own card', expected: BoardRefusal.notPartner,
    forge: (d) => {
      item(d, 'samCard').set('acknowledgedBy', samId);
      item(d, 'samCard').set('acknowledgedAt', now());
    } },
  { name: 'deletes Alex\'s comment', expected: BoardRefusal.notCommentWriter, forge: (d) => (item(d, 'card').get('comments') as Y.Array<unknown>).delete(0, 1) },
  { name: 'archives Alex\'s card', expected: BoardRefusal.notManager,
    forge: (d) => {
      item(d, 'card').set('archived', true);
      item(d, 'card').set('archivedAt', now());
    } },
  { name: 'replaces Alex\'s card with a new map', expected: BoardRefusal.immutable,
    forge: (d) => items(d).set(ids.card!, rawMap({ ...(item(d, 'card').toJSON() as Record<string, unknown>), statement: new Y.Text('FORGED'), helps: new Y.Text(''), avoid: new Y.Text(''), comments: new Y.Array() })) },
  // Promises
  { name: 'marks Alex\'s promise kept', expected: BoardRefusal.notPromiser,
    forge: (d) => {
      const promise = item(d, 'accepted');
      (promise.get('outcomes') as Y.Map<unknown>).set(today, rawMap({ outcome: 'kept', markedAt: now(), markedBy: samId, note: 'FORGED', confirmedAt: null, confirmedBy: null }));
      promise.set('status', 'kept');
    } },
  { name: 'edits Alex\'s proposed promise', expected: BoardRefusal.notPromiser, forge: (d) => (item(d, 'proposed').get('text') as Y.Text).insert(0, 'FORGED ') },
  { name: 'accepts its own promise', expected: BoardRefusal.notPromisee,
    forge: (d) => {
      item(d, 'samProposed').set('status', 'accepted');
      item(d, 'samProposed').set('acceptedAt', now());
    } },
  { name: 'confirms its own promise', expected: BoardRefusal.notPromisee,
    forge: (d) => {
      const outcome = (item(d, 'samMarked').get('outcomes') as Y.Map<Y.Map<unknown>>).get(today)!;
      outcome.set('confirmedAt', now());
      outcome.set('confirmedBy', samId);
    } },
  { name: 'rewrites a confirmed outcome', expected: BoardRefusal.appendOnly,
    forge: (d) => (item(d, 'samConfirmed').get('outcomes') as Y.Map<Y.Map<unknown>>).get(today)!.set('outcome', 'missed') },
  { name: 'removes an outcome', expected: BoardRefusal.appendOnly, forge: (d) => (item(d, 'samConfirmed').get('outcomes') as Y.Map<unknown>).delete(today) },
  { name: 'takes a kept promise back to proposed', expected: BoardRefusal.illegalTransition, forge: (d) => item(d, 'samConfirmed').set('status', 'proposed') },
  { name: 'changes who made a promise', expected: BoardRefusal.immutable, forge: (d) => item(d, 'proposed').set('promiserId', samId) },
  // Experiences
  { name: 'jumps an experience from idea to done', expected: BoardRefusal.illegalTransition, forge: (d) => item(d, 'experience').set('status', 'done') },
  { name: 'deletes a history entry', expected: BoardRefusal.appendOnly, forge: (d) => (item(d, 'experience').get('history') as Y.Array<unknown>).delete(0, 1) },
  { name: 'writes Alex\'s reflection', expected: BoardRefusal.notReflectionOwner,
    forge: (d) => (((item(d, 'done').get('reflections') as Y.Map<Y.Map<unknown>>).get(alexId)!).get('enjoyed') as Y.Text).insert(0, 'FORGED') },
  // Check-ins and appreciations
  { name: 'changes Alex\'s check-in', expected: BoardRefusal.notAuthor, forge: (d) => item(d, 'checkin').set('mood', 1) },
  { name: 'hearts the appreciation Sam sent (only its receiver answers it)', expected: BoardRefusal.notAuthor,
    forge: (d) => item(d, 'samThanks').set('heartedAt', now()) },
  { name: 'deletes Alex\'s appreciation', expected: BoardRefusal.notManager, forge: (d) => items(d).delete(ids.appreciation!) },
  // Visibility
  { name: 'removes Alex\'s card from "us + counsellor"', expected: BoardRefusal.notManager, doc: 'space', forge: (d) => items(d).delete(ids.spaceCard!) },
  { name: 'moves Alex\'s card from "us + counsellor" to "us"', expected: BoardRefusal.notCreator,
    forge: (d) => {
      const source = item(alexSpace.doc, 'spaceCard').toJSON() as Record<string, string>;
      items(d).set(ids.spaceCard!, rawMap({
        ...source, updatedBy: samId, updatedAt: now(), statement: new Y.Text(source.statement), helps: new Y.Text(source.helps),
        avoid: new Y.Text(source.avoid), comments: new Y.Array(),
      }));
    } },
  { name: 'copies its own card elsewhere with a forged acknowledgement', expected: BoardRefusal.notPartner, doc: 'space',
    forge: (d) => items(d).set(ids.samCard!, rawMap({
      ...base(ids.samCard!, 'card', samId), authorId: samId, cardType: 'boundary', statement: new Y.Text('No phones in bed'), helps: new Y.Text(''),
      avoid: new Y.Text(''), acknowledgedBy: alexId, acknowledgedAt: now(), revisitDate: null, comments: new Y.Array(),
    })) },
];

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncMessageType.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** What Alex's copy and the export hold, without the fence item that moves on every case. */
function boardState(doc: Y.Doc): string {
  const { [ids.fence!]: _fence, ...rest } = items(doc).toJSON();
  return JSON.stringify({ roots: [...doc.share.keys()].sort(), meta: doc.getMap('meta').toJSON(), items: rest });
}
async function exported(): Promise<string> {
  const res = await couple.a.get<{ boards: Array<{ items: Array<{ id: string }> }> }>(`/api/spaces/${couple.space.id}/export`);
  expect(res.status).toBe(200);
  return JSON.stringify(res.body.boards.map((b) => b.items.filter((i) => i.id !== ids.fence)));
}

describe('forgeries by a modified client', () => {
  let fence = 0;
  it.each(forgeries)('refuses when Sam $name', async ({ expected, forge, doc = 'couple' }) => {
    const watched = doc === 'space' ? alexSpace : alex;
    const before = boardState(watched.doc);
    const exportBefore = await exported();
    const refusalsBefore = server.collab.refusals();

    const forger = join('b', doc === 'space' ? spaceDoc() : coupleDoc());
    await waitFor('the forger to sync', () => forger.provider.synced);
    forger.doc.transact(() => forge(forger.doc, (update) => forger.provider.ws!.send(syncUpdateFrame(update))));
    await waitFor('the refusal', () => forger.permissionDenied.length > 0);
    expect(parseRefusal(forger.permissionDenied[0]!)?.code).toBe(expected);
    expect(server.collab.refusals()).toBe(refusalsBefore + 1);

    // Fence: Alex's next edit is acknowledged only after everything before it was handled.
    getItemText(alex.doc, ids.fence!, 'notes')!.insert(0, `${++fence};`);
    await waitFor('Alex\'s edit to be saved', () => alex.allSaved());
    expect(alex.provider.wsconnected).toBe(true);
    expect(boardState(watched.doc)).toBe(before);
    expect(await exported()).toBe(exportBefore);
    expect(JSON.stringify(items(sam.doc).toJSON())).not.toContain('FORGED');
    forger.destroy();
  });

  it('covers at least 25 forgeries', () => {
    expect(forgeries.length).toBeGreaterThanOrEqual(25);
    // Every refusal code is reached by at least one forgery.
    expect(new Set(forgeries.map((f) => f.expected)).size).toBe(Object.keys(BoardRefusal).length);
  });

});
