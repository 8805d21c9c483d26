import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptPromise,
  addCardComment,
  addCheckin,
  confirmPromise,
  createAppreciation,
  createCard,
  createExperience,
  createPromise,
  getItemText,
  markPromise,
  renegotiatePromise,
  respondToAppreciation,
  setExperienceStatus,
  type BoardActor,
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
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const now = () => new Date().toISOString();
const ids: Record<string, string> = {};
let alex: TestClient;
let alexSpace: TestClient;
let sam: TestClient;
let S: BoardActor;

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
  id,
  kind,
  createdBy: by,
  createdAt: now(),
  updatedAt: now(),
  updatedBy: by,
  archived: false,
  archivedAt: null,
  position: 'a0',
});

beforeAll(async () => {
  server = await startCollabTestServer();
  couple = await makeCouple(server.baseUrl);
  alexId = couple.a.user!.id;
  samId = couple.b.user!.id;
  const partnerIds = [alexId, samId];
  const A: BoardActor = { userId: alexId, partnerIds };
  S = { userId: samId, partnerIds };
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
  await waitFor("Alex's items to reach Sam", () => items(sam.doc).has(ids.fence!));
  acceptPromise(sam.doc, S, { itemId: ids.accepted });
  ids.samCard = createCard(sam.doc, S, { cardType: 'boundary', statement: 'No phones in bed' });
  ids.samThanks = createAppreciation(sam.doc, S, { toId: alexId, text: 'Thanks for dinner' });
  ids.samProposed = createPromise(sam.doc, S, { text: 'Cook on Sunday', promiseeId: alexId, cadence: { type: 'weekly' } });
  ids.samConfirmed = createPromise(sam.doc, S, { text: 'Plan a date', promiseeId: alexId, cadence: { type: 'once', dueDate: today } });
  ids.samMarked = createPromise(sam.doc, S, { text: 'Walk the dog', promiseeId: alexId, cadence: { type: 'once', dueDate: today } });
  // A daily promise of Sam's with a kept period (yesterday) and a missed one Alex confirmed (today).
  ids.samMissed = createPromise(sam.doc, S, { text: 'Stretch every morning', promiseeId: alexId, cadence: { type: 'daily' } });
  await waitFor("Sam's items to reach Alex", () => items(alex.doc).has(ids.samMarked!) && items(alex.doc).has(ids.samMissed!));
  acceptPromise(alex.doc, A, { itemId: ids.samConfirmed });
  acceptPromise(alex.doc, A, { itemId: ids.samMarked });
  acceptPromise(alex.doc, A, { itemId: ids.samMissed });
  await waitFor('acceptances to reach Sam', () =>
    ['samMarked', 'samConfirmed', 'samMissed'].every((k) => item(sam.doc, k).get('status') === 'accepted'),
  );
  markPromise(sam.doc, S, { itemId: ids.samConfirmed, outcome: 'kept' });
  markPromise(sam.doc, S, { itemId: ids.samMarked, outcome: 'kept' });
  markPromise(sam.doc, S, { itemId: ids.samMissed, outcome: 'kept', period: yesterday });
  markPromise(sam.doc, S, { itemId: ids.samMissed, outcome: 'missed', period: today });
  await waitFor(
    'marks to reach Alex',
    () =>
      item(alex.doc, 'samConfirmed').get('status') === 'kept' && (item(alex.doc, 'samMissed').get('outcomes') as Y.Map<unknown>).has(today),
  );
  confirmPromise(alex.doc, A, { itemId: ids.samConfirmed });
  confirmPromise(alex.doc, A, { itemId: ids.samMissed, period: today });
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
  {
    name: 'adds an item of an unknown kind',
    expected: BoardRefusal.invalidStructure,
    forge: (d) => items(d).set('forged-kind', rawMap({ ...base('forged-kind', 'note', samId), text: 'FORGED' })),
  },
  {
    name: 'adds a field the board does not define',
    expected: BoardRefusal.invalidStructure,
    forge: (d) => item(d, 'experience').set('secret', 'FORGED'),
  },
  {
    name: 'writes a value of the wrong type',
    expected: BoardRefusal.invalidStructure,
    forge: (d) => item(d, 'experience').set('status', 42),
  },
  {
    name: 'types past the size limit',
    expected: BoardRefusal.tooLarge,
    forge: (d) => (item(d, 'experience').get('notes') as Y.Text).insert(0, 'FORGED'.repeat(4000)),
  },
  {
    name: 'hides an embed inside a text',
    expected: BoardRefusal.invalidStructure,
    forge: (d) => (item(d, 'experience').get('title') as Y.Text).insertEmbed(0, { FORGED: true }),
  },
  { name: 'lowers the schema version', expected: BoardRefusal.immutable, forge: (d) => d.getMap('meta').set('schemaVersion', 0) },
  // Journey settings: only in "us + counsellor", and each partner decides only about their own mood line.
  {
    name: "hides Alex's mood line from the counsellor",
    expected: BoardRefusal.forgedAuthor,
    doc: 'space',
    forge: (d) => d.getMap('journey').set(`hideMood:${alexId}`, true),
  },
  {
    name: 'stores something else among the journey settings',
    expected: BoardRefusal.invalidStructure,
    doc: 'space',
    forge: (d) => d.getMap('journey').set('note', 'FORGED'),
  },
  {
    name: 'writes journey settings into the couple-only board',
    expected: BoardRefusal.unknownRoot,
    forge: (d) => d.getMap('journey').set('timeZone', 'Europe/Berlin'),
  },
  {
    name: 'sends an edit built on items the server never had',
    expected: BoardRefusal.missingDependencies,
    forge: (_d, send) => send(updateWithMissingParent()),
  },
  // Authorship
  {
    name: "creates a card in Alex's name",
    expected: BoardRefusal.forgedAuthor,
    forge: (d) =>
      items(d).set(
        'forged-card',
        rawMap({
          ...base('forged-card', 'card', samId),
          authorId: alexId,
          cardType: 'need',
          statement: new Y.Text('FORGED'),
          helps: new Y.Text(''),
          avoid: new Y.Text(''),
          acknowledgedBy: null,
          acknowledgedAt: null,
          revisitDate: null,
          comments: new Y.Array(),
        }),
      ),
  },
  {
    name: 'creates an appreciation with createdBy Alex',
    expected: BoardRefusal.forgedAuthor,
    forge: (d) =>
      items(d).set(
        'forged-thanks',
        rawMap({ ...base('forged-thanks', 'appreciation', alexId), fromId: samId, toId: alexId, text: new Y.Text('FORGED') }),
      ),
  },
  { name: 'stamps updatedBy with Alex', expected: BoardRefusal.forgedAuthor, forge: (d) => item(d, 'samCard').set('updatedBy', alexId) },
  // The "edited" mark: only who may change an item's own words sets it, and only in their own name.
  {
    name: "marks Alex's card as edited",
    expected: BoardRefusal.notAuthor,
    forge: (d) => {
      item(d, 'card').set('editedAt', now());
      item(d, 'card').set('editedBy', samId);
    },
  },
  {
    name: 'marks its own card as edited by Alex',
    expected: BoardRefusal.forgedAuthor,
    forge: (d) => item(d, 'samCard').set('editedBy', alexId),
  },
  {
    name: "comments in Alex's name",
    expected: BoardRefusal.forgedAuthor,
    forge: (d) =>
      (item(d, 'card').get('comments') as Y.Array<unknown>).push([{ id: 'forged-comment', by: alexId, ...STAMP, text: 'FORGED' }]),
  },
  {
    name: "appends a history entry in Alex's name",
    expected: BoardRefusal.forgedAuthor,
    forge: (d) =>
      (item(d, 'experience').get('history') as Y.Array<unknown>).push([{ ...STAMP, by: alexId, action: 'planned', note: 'FORGED' }]),
  },
  {
    name: 'ticks a step as done by Alex',
    expected: BoardRefusal.forgedAuthor,
    forge: (d) => {
      const step = (item(d, 'experience').get('steps') as Y.Array<Y.Map<unknown>>).get(0);
      step.set('done', true);
      step.set('doneAt', now());
      step.set('doneBy', alexId);
    },
  },
  // Cards
  {
    name: "rewrites Alex's needs card",
    expected: BoardRefusal.notAuthor,
    forge: (d) => (item(d, 'card').get('statement') as Y.Text).insert(0, 'FORGED '),
  },
  { name: "changes the type of Alex's card", expected: BoardRefusal.notAuthor, forge: (d) => item(d, 'card').set('cardType', 'trigger') },
  {
    name: "acknowledges Alex's card in Alex's name",
    expected: BoardRefusal.forgedAuthor,
    forge: (d) => {
      item(d, 'card').set('acknowledgedBy', alexId);
      item(d, 'card').set('acknowledgedAt', now());
    },
  },
  {
    name: 'acknowledges its own card',
    expected: BoardRefusal.notPartner,
    forge: (d) => {
      item(d, 'samCard').set('acknowledgedBy', samId);
      item(d, 'samCard').set('acknowledgedAt', now());
    },
  },
  {
    name: "deletes Alex's comment",
    expected: BoardRefusal.notCommentWriter,
    forge: (d) => (item(d, 'card').get('comments') as Y.Array<unknown>).delete(0, 1),
  },
  {
    name: "archives Alex's card",
    expected: BoardRefusal.notManager,
    forge: (d) => {
      item(d, 'card').set('archived', true);
      item(d, 'card').set('archivedAt', now());
    },
  },
  {
    name: "replaces Alex's card with a new map",
    expected: BoardRefusal.immutable,
    forge: (d) =>
      items(d).set(
        ids.card!,
        rawMap({
          ...(item(d, 'card').toJSON() as Record<string, unknown>),
          statement: new Y.Text('FORGED'),
          helps: new Y.Text(''),
          avoid: new Y.Text(''),
          comments: new Y.Array(),
        }),
      ),
  },
  // Promises
  {
    name: "marks Alex's promise kept",
    expected: BoardRefusal.notPromiser,
    forge: (d) => {
      const promise = item(d, 'accepted');
      (promise.get('outcomes') as Y.Map<unknown>).set(
        today,
        rawMap({ outcome: 'kept', markedAt: now(), markedBy: samId, note: 'FORGED', confirmedAt: null, confirmedBy: null }),
      );
      promise.set('status', 'kept');
    },
  },
  {
    name: "edits Alex's proposed promise",
    expected: BoardRefusal.notPromiser,
    forge: (d) => (item(d, 'proposed').get('text') as Y.Text).insert(0, 'FORGED '),
  },
  {
    name: 'accepts its own promise',
    expected: BoardRefusal.notPromisee,
    forge: (d) => {
      item(d, 'samProposed').set('status', 'accepted');
      item(d, 'samProposed').set('acceptedAt', now());
    },
  },
  {
    name: 'confirms its own promise',
    expected: BoardRefusal.notPromisee,
    forge: (d) => {
      const outcome = (item(d, 'samMarked').get('outcomes') as Y.Map<Y.Map<unknown>>).get(today)!;
      outcome.set('confirmedAt', now());
      outcome.set('confirmedBy', samId);
    },
  },
  {
    name: 'marks its promise kept a second time for the same day',
    expected: BoardRefusal.illegalTransition,
    forge: (d) => {
      const promise = item(d, 'samMarked');
      const outcome = (promise.get('outcomes') as Y.Map<Y.Map<unknown>>).get(today)!;
      outcome.set('markedAt', now());
      outcome.set('note', 'FORGED');
      (promise.get('history') as Y.Array<unknown>).push([{ ...STAMP, by: samId, action: 'kept', period: today, note: 'FORGED' }]);
      promise.set('updatedAt', now());
    },
  },
  {
    name: 'says again that it kept its promise, without marking it',
    expected: BoardRefusal.illegalTransition,
    forge: (d) =>
      (item(d, 'samMarked').get('history') as Y.Array<unknown>).push([
        { ...STAMP, by: samId, action: 'kept', period: today, note: 'FORGED' },
      ]),
  },
  {
    name: 'rewrites a confirmed outcome',
    expected: BoardRefusal.appendOnly,
    forge: (d) => (item(d, 'samConfirmed').get('outcomes') as Y.Map<Y.Map<unknown>>).get(today)!.set('outcome', 'missed'),
  },
  {
    name: 'removes an outcome',
    expected: BoardRefusal.appendOnly,
    forge: (d) => (item(d, 'samConfirmed').get('outcomes') as Y.Map<unknown>).delete(today),
  },
  // Renegotiating takes away a promise's missed periods and the lines about them, nothing else.
  {
    name: 'erases a missed period without renegotiating',
    expected: BoardRefusal.appendOnly,
    forge: (d) => (item(d, 'samMissed').get('outcomes') as Y.Map<unknown>).delete(today),
  },
  {
    name: 'erases the "missed" history line without renegotiating',
    expected: BoardRefusal.appendOnly,
    forge: (d) => {
      const history = item(d, 'samMissed').get('history') as Y.Array<{ action: string }>;
      history.delete(
        history.toArray().findIndex((h) => h.action === 'missed'),
        1,
      );
    },
  },
  {
    name: 'renegotiates and erases a kept period too',
    expected: BoardRefusal.appendOnly,
    forge: (d) => {
      renegotiatePromise(d, S, { itemId: ids.samMissed!, text: 'FORGED' });
      (item(d, 'samMissed').get('outcomes') as Y.Map<unknown>).delete(yesterday);
    },
  },
  {
    name: "renegotiates and erases Alex's acceptance from the history",
    expected: BoardRefusal.appendOnly,
    forge: (d) => {
      renegotiatePromise(d, S, { itemId: ids.samMissed!, text: 'FORGED' });
      const history = item(d, 'samMissed').get('history') as Y.Array<{ action: string }>;
      history.delete(
        history.toArray().findIndex((h) => h.action === 'accepted'),
        1,
      );
    },
  },
  {
    name: 'takes a kept promise back to proposed',
    expected: BoardRefusal.illegalTransition,
    forge: (d) => item(d, 'samConfirmed').set('status', 'proposed'),
  },
  { name: 'changes who made a promise', expected: BoardRefusal.immutable, forge: (d) => item(d, 'proposed').set('promiserId', samId) },
  // Experiences
  {
    name: 'jumps an experience from idea to done',
    expected: BoardRefusal.illegalTransition,
    forge: (d) => item(d, 'experience').set('status', 'done'),
  },
  {
    name: 'deletes a history entry',
    expected: BoardRefusal.appendOnly,
    forge: (d) => (item(d, 'experience').get('history') as Y.Array<unknown>).delete(0, 1),
  },
  {
    name: "writes Alex's reflection",
    expected: BoardRefusal.notReflectionOwner,
    forge: (d) => ((item(d, 'done').get('reflections') as Y.Map<Y.Map<unknown>>).get(alexId)!.get('enjoyed') as Y.Text).insert(0, 'FORGED'),
  },
  // Check-ins and appreciations
  { name: "changes Alex's check-in", expected: BoardRefusal.notAuthor, forge: (d) => item(d, 'checkin').set('mood', 1) },
  { name: 'hearts its own appreciation', expected: BoardRefusal.notPartner, forge: (d) => item(d, 'samThanks').set('heartedAt', now()) },
  {
    name: "answers its own appreciation in Alex's place",
    expected: BoardRefusal.notPartner,
    forge: (d) => {
      item(d, 'samThanks').set('reply', 'FORGED');
      item(d, 'samThanks').set('repliedAt', now());
    },
  },
  {
    name: 'creates an appreciation that arrives already answered',
    expected: BoardRefusal.forgedAuthor,
    forge: (d) =>
      items(d).set(
        'forged-answered',
        rawMap({
          ...base('forged-answered', 'appreciation', samId),
          fromId: samId,
          toId: alexId,
          text: new Y.Text('FORGED'),
          heartedAt: now(),
        }),
      ),
  },
  {
    name: "replies to Alex's appreciation past the length limit",
    expected: BoardRefusal.tooLarge,
    forge: (d) => {
      item(d, 'appreciation').set('reply', 'FORGED'.repeat(50));
      item(d, 'appreciation').set('repliedAt', now());
    },
  },
  { name: "deletes Alex's appreciation", expected: BoardRefusal.notManager, forge: (d) => items(d).delete(ids.appreciation!) },
  // Visibility
  {
    name: 'removes Alex\'s card from "us + counsellor"',
    expected: BoardRefusal.notManager,
    doc: 'space',
    forge: (d) => items(d).delete(ids.spaceCard!),
  },
  {
    name: 'moves Alex\'s card from "us + counsellor" to "us"',
    expected: BoardRefusal.notCreator,
    forge: (d) => {
      const source = item(alexSpace.doc, 'spaceCard').toJSON() as Record<string, string>;
      items(d).set(
        ids.spaceCard!,
        rawMap({
          ...source,
          updatedBy: samId,
          updatedAt: now(),
          statement: new Y.Text(source.statement),
          helps: new Y.Text(source.helps),
          avoid: new Y.Text(source.avoid),
          comments: new Y.Array(),
        }),
      );
    },
  },
  {
    name: 'copies its own card elsewhere with a forged acknowledgement',
    expected: BoardRefusal.notPartner,
    doc: 'space',
    forge: (d) =>
      items(d).set(
        ids.samCard!,
        rawMap({
          ...base(ids.samCard!, 'card', samId),
          authorId: samId,
          cardType: 'boundary',
          statement: new Y.Text('No phones in bed'),
          helps: new Y.Text(''),
          avoid: new Y.Text(''),
          acknowledgedBy: alexId,
          acknowledgedAt: now(),
          revisitDate: null,
          comments: new Y.Array(),
        }),
      ),
  },
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
    await waitFor("Alex's edit to be saved", () => alex.allSaved());
    expect(alex.provider.wsconnected).toBe(true);
    expect(boardState(watched.doc)).toBe(before);
    expect(await exported()).toBe(exportBefore);
    expect(JSON.stringify(items(sam.doc).toJSON())).not.toContain('FORGED');
    forger.destroy();
  });

  it('accepts the honest renegotiation that takes the missed period and its lines away', async () => {
    const refusalsBefore = server.collab.refusals();
    const A: BoardActor = { userId: alexId, partnerIds: [alexId, samId] };
    renegotiatePromise(alex.doc, A, { itemId: ids.samMissed!, text: 'Stretch on weekends' });
    await waitFor('the renegotiation to be saved', () => alex.allSaved());
    await waitFor('the renegotiation to reach Sam', () => item(sam.doc, 'samMissed').get('status') === 'renegotiated');
    expect(server.collab.refusals()).toBe(refusalsBefore);
    const old = item(sam.doc, 'samMissed').toJSON() as {
      outcomes: Record<string, { outcome: string }>;
      history: Array<{ action: string }>;
    };
    expect(Object.keys(old.outcomes)).toEqual([yesterday]);
    expect(old.history.map((h) => h.action)).toEqual(['proposed', 'accepted', 'kept', 'renegotiated']);
  });

  it('accepts the promiser changing an unconfirmed mark, once; the same mark again is refused before it is sent', async () => {
    const refusalsBefore = server.collab.refusals();
    expect(() => markPromise(sam.doc, S, { itemId: ids.samMarked!, outcome: 'kept' })).toThrow(/already marked kept/);
    markPromise(sam.doc, S, { itemId: ids.samMarked!, outcome: 'missed' });
    await waitFor('the change to be saved', () => sam.allSaved());
    await waitFor('the change to reach Alex', () => item(alex.doc, 'samMarked').get('status') === 'missed');
    const history = (item(alex.doc, 'samMarked').get('history') as Y.Array<{ action: string }>).toArray();
    expect(history.map((h) => h.action)).toEqual(['proposed', 'accepted', 'kept', 'missed']);
    expect(server.collab.refusals()).toBe(refusalsBefore);
  });

  it('accepts the heart and reply of the partner who received an appreciation', async () => {
    const refusalsBefore = server.collab.refusals();
    respondToAppreciation(sam.doc, S, { itemId: ids.appreciation!, heart: true, reply: 'Any time' });
    await waitFor('the answer to be saved', () => sam.allSaved());
    await waitFor('the answer to reach Alex', () => item(alex.doc, 'appreciation').get('reply') === 'Any time');
    expect(item(alex.doc, 'appreciation').get('heartedAt')).toEqual(expect.any(String));
    respondToAppreciation(sam.doc, S, { itemId: ids.appreciation!, heart: false, reply: '' });
    await waitFor('the answer taken back to reach Alex', () => item(alex.doc, 'appreciation').get('heartedAt') === null);
    expect(server.collab.refusals()).toBe(refusalsBefore);
  });

  it('covers at least 25 forgeries', () => {
    expect(forgeries.length).toBeGreaterThanOrEqual(25);
    // Every refusal code is reached by at least one forgery.
    expect(new Set(forgeries.map((f) => f.expected)).size).toBe(Object.keys(BoardRefusal).length);
  });
});

describe('putting a deleted item back', () => {
  /** Sam's connection applies `forge` in one transaction; resolves to the refusal code, if any. */
  async function samWrites(docName: string, forge: (doc: Y.Doc) => void): Promise<string | null> {
    const forger = join('b', docName);
    await waitFor('the forger to sync', () => forger.provider.synced);
    const refusalsBefore = server.collab.refusals();
    forger.doc.transact(() => forge(forger.doc));
    await waitFor('the server to answer', () => forger.permissionDenied.length > 0 || forger.allSaved());
    // A refusal is sent before any acknowledgement; give it a moment to arrive after a save.
    await new Promise((r) => setTimeout(r, 100));
    forger.destroy();
    const code = forger.permissionDenied[0] ? parseRefusal(forger.permissionDenied[0])!.code : null;
    expect(server.collab.refusals()).toBe(refusalsBefore + (code ? 1 : 0));
    return code;
  }
  /** Sam deletes Alex's plan (either partner may) and keeps what it was. */
  async function samDeletes(title: string): Promise<{ id: string; copy: Record<string, unknown> }> {
    const A: BoardActor = { userId: alexId, partnerIds: [alexId, samId] };
    const id = createExperience(alex.doc, A, { title, steps: [{ text: 'Pack' }] });
    await waitFor('the plan to reach Sam', () => items(sam.doc).has(id));
    const copy = items(sam.doc).get(id)!.toJSON() as Record<string, unknown>;
    items(sam.doc).delete(id);
    await waitFor('the delete to reach Alex', () => !items(alex.doc).has(id));
    return { id, copy };
  }
  /** The plan as a modified client rebuilds it from its JSON. */
  const rebuilt = (copy: Record<string, unknown>, changes: Record<string, unknown> = {}) => {
    const steps = new Y.Array<Y.Map<unknown>>();
    steps.push((copy.steps as Array<Record<string, unknown>>).map((s) => rawMap({ ...s, text: new Y.Text(s.text as string) })));
    const reflections = new Y.Map<unknown>();
    for (const [owner, r] of Object.entries(copy.reflections as Record<string, Record<string, unknown>>)) {
      reflections.set(owner, rawMap({ ...r, enjoyed: new Y.Text(r.enjoyed as string), learned: new Y.Text(r.learned as string) }));
    }
    return rawMap({
      ...copy,
      title: new Y.Text(copy.title as string),
      where: new Y.Text(copy.where as string),
      notes: new Y.Text(copy.notes as string),
      steps,
      reflections,
      history: Y.Array.from(copy.history as Array<Record<string, string>>),
      ...changes,
    });
  };

  it('accepts the undo of a delete by the partner who deleted it', async () => {
    const A: BoardActor = { userId: alexId, partnerIds: [alexId, samId] };
    const id = createExperience(alex.doc, A, { title: 'Undo me', steps: [{ text: 'Pack' }] });
    await waitFor('the plan to reach Sam', () => items(sam.doc).has(id));
    const refusalsBefore = server.collab.refusals();
    const origin = Symbol('delete');
    const undo = new Y.UndoManager(items(sam.doc), { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    sam.doc.transact(() => items(sam.doc).delete(id), origin);
    await waitFor('the delete to reach Alex', () => !items(alex.doc).has(id));
    undo.undo();
    undo.destroy();
    await waitFor('the plan to come back for Alex', () => items(alex.doc).has(id));
    expect((items(alex.doc).get(id)!.get('title') as Y.Text).toString()).toBe('Undo me');
    expect(server.collab.refusals()).toBe(refusalsBefore);
  });

  it('refuses a put-back that changes the item', async () => {
    const { id, copy } = await samDeletes('Put back changed');
    expect(await samWrites(coupleDoc(), (d) => items(d).set(id, rebuilt(copy, { title: new Y.Text('FORGED') })))).toBe(
      BoardRefusal.forgedAuthor,
    );
    expect(items(alex.doc).has(id)).toBe(false);
  });

  it('refuses a put-back into another board', async () => {
    const { id, copy } = await samDeletes('Put back elsewhere');
    expect(await samWrites(spaceDoc(), (d) => items(d).set(id, rebuilt(copy)))).toBe(BoardRefusal.notCreator);
    expect(items(alexSpace.doc).has(id)).toBe(false);
  });

  it('refuses a put-back of what the partner deleted', async () => {
    const A: BoardActor = { userId: alexId, partnerIds: [alexId, samId] };
    const id = createExperience(alex.doc, A, { title: 'Alex deleted this' });
    await waitFor('the plan to reach Sam', () => items(sam.doc).has(id));
    const copy = items(sam.doc).get(id)!.toJSON() as Record<string, unknown>;
    items(alex.doc).delete(id);
    await waitFor('the delete to reach Sam', () => !items(sam.doc).has(id));
    expect(await samWrites(coupleDoc(), (d) => items(d).set(id, rebuilt(copy)))).toBe(BoardRefusal.notCreator);
    expect(items(alex.doc).has(id)).toBe(false);
  });

  it('accepts the same put-back, exactly as it was, by the partner who deleted it', async () => {
    const { id, copy } = await samDeletes('Put back exactly');
    expect(await samWrites(coupleDoc(), (d) => items(d).set(id, rebuilt(copy)))).toBe(null);
    await waitFor('the plan to come back for Alex', () => items(alex.doc).has(id));
  });
});
