import http from 'node:http';
import { pino } from 'pino';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCard, createExperience, getItemText, listCards } from '@hearth/shared/board';
import { BoardRefusal, MessageType, SyncMessageType, decodeStateVectorMap, parseRefusal } from '@hearth/shared/realtime';
import { HearthEvents } from '../platform/events';
import { createBoardValidator, createCollabServer, createMemoryCollabStore, type CollabServer, type StoredEvent } from './index';

// The collab server built from its seams alone: an in-memory store, header identities, the
// board validator. No database: the same load/append/compact paths as production.
const SPACE = 'a1a1a1a1a1a1a1a1a1a1a1a1';
const DOC = `couple:${SPACE}`;
const ALEX = 'alex';
const SAM = 'sam';
const partnerIds = [ALEX, SAM];
const store = createMemoryCollabStore();
const stored: StoredEvent[] = [];
let httpServer: http.Server;
let collab: CollabServer;
let url: string;

beforeAll(async () => {
  httpServer = http.createServer((_req, res) => res.writeHead(404).end());
  collab = createCollabServer({
    httpServer,
    store,
    hooks: {
      authenticate: async (req) => {
        const id = req.headers['x-user'];
        return typeof id === 'string' ? { id, email: `${id}@test`, displayName: id } : null;
      },
      authorize: async (_user, doc) => ({ mode: 'write', role: 'partner', spaceId: doc.spaceId, partnerIds }),
      beforeApplyUpdate: createBoardValidator(),
      afterStored: (event) => stored.push(event),
    },
    logger: pino({ level: 'silent' }),
    events: new HearthEvents(),
    publicOrigin: 'http://hearth.test',
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const address = httpServer.address();
  url = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/yjs/${DOC}`;
});

afterAll(async () => {
  await collab.close();
  httpServer.closeAllConnections();
  await new Promise<void>((resolve) => httpServer.close(() => resolve()));
});

/** A bare y-websocket protocol client: sync, updates, saved (100) and auth (2) messages. */
function connect(userId: string, doc = new Y.Doc(), docUrl = url) {
  const ws = new WebSocket(docUrl, { headers: { 'x-user': userId, origin: 'http://hearth.test' } });
  const client = { doc, ws, synced: false, stored: new Map<number, number>(), denied: [] as string[] };
  const send = (subtype: number, payload: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, subtype);
    encoding.writeVarUint8Array(e, payload);
    if (ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(e));
  };
  ws.on('open', () => {
    send(SyncMessageType.step1, Y.encodeStateVector(doc));
    // As y-websocket does: the awareness state names the document's Yjs client id.
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(new awarenessProtocol.Awareness(doc), [doc.clientID]));
    ws.send(encoding.toUint8Array(e));
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => origin !== client && send(SyncMessageType.update, update));
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(d);
    if (type === MessageType.sync) {
      const subtype = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (subtype === SyncMessageType.step1) return send(SyncMessageType.step2, Y.encodeStateAsUpdate(doc, payload));
      Y.applyUpdate(doc, payload, client);
      if (subtype === SyncMessageType.step2) client.synced = true;
    } else if (type === MessageType.saved) {
      client.stored = decodeStateVectorMap(decoding.readVarUint8Array(d));
    } else if (type === MessageType.auth) {
      decoding.readVarUint(d);
      client.denied.push(decoding.readVarString(d));
    }
  });
  return client;
}

async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const saved = (c: ReturnType<typeof connect>) => (c.stored.get(c.doc.clientID) ?? 0) >= Y.getState(c.doc.store, c.doc.clientID);

it('stores, acknowledges and relays through the injected store, and refuses what the rules forbid', async () => {
  const alex = connect(ALEX);
  const sam = connect(SAM);
  await until('sync', () => alex.synced && sam.synced);

  const planId = createExperience(alex.doc, { userId: ALEX, partnerIds }, { title: 'Picnic' });
  getItemText(alex.doc, planId, 'notes')!.insert(0, 'bring a blanket');
  await until('Alex saved', () => saved(alex));
  await until('Sam to see the plan', () => sam.doc.getMap('items').has(planId));
  expect(store.rows()).toBeGreaterThan(0);
  expect(stored.some((e) => e.docName === DOC && e.updates > 0)).toBe(true);

  // Sam writes a card in Alex's name: refused, not stored, not relayed.
  const forged = new Y.Doc();
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(sam.doc));
  const cardId = createCard(forged, { userId: ALEX, partnerIds }, { cardType: 'need', statement: 'FORGED' });
  sam.ws.send(syncUpdate(Y.encodeStateAsUpdate(forged, Y.encodeStateVector(sam.doc))));
  await until('the refusal', () => sam.denied.length > 0);
  expect(parseRefusal(sam.denied[0]!)?.code).toBe(BoardRefusal.forgedAuthor);
  expect(collab.refusals()).toBe(1);

  // Alex's next edit is acknowledged only after everything sent before it was handled.
  getItemText(alex.doc, planId, 'notes')!.insert(0, 'and tea, ');
  await until('Alex saved again', () => saved(alex));
  expect(alex.doc.getMap('items').has(cardId)).toBe(false);
  const reloaded = new Y.Doc();
  for (const update of (await store.load(DOC)).updates) Y.applyUpdate(reloaded, update);
  expect(reloaded.getMap('items').has(cardId)).toBe(false);
  expect(getItemText(reloaded, planId, 'notes')!.toString()).toBe('and tea, bring a blanket');
  alex.ws.close();
  sam.ws.close();
});

function syncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncMessageType.update);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

it("takes a resend's own edits and leaves the partner's to the partner, refusing no one", async () => {
  // The server lost both partners' edits (a crash): each copy holds Alex's new card and Sam's.
  const resendUrl = url.replace(SPACE, 'b2b2b2b2b2b2b2b2b2b2b2b2');
  const alexDoc = new Y.Doc();
  const samDoc = new Y.Doc();
  const alexCard = createCard(alexDoc, { userId: ALEX, partnerIds }, { cardType: 'need', statement: 'Quiet evenings' });
  const samCard = createCard(samDoc, { userId: SAM, partnerIds }, { cardType: 'boundary', statement: 'No phones in bed' });
  Y.applyUpdate(samDoc, Y.encodeStateAsUpdate(alexDoc));
  Y.applyUpdate(alexDoc, Y.encodeStateAsUpdate(samDoc));
  const refusalsBefore = collab.refusals();

  // Sam resends first: Sam's card is stored at once, Alex's waits for Alex.
  const sam = connect(SAM, samDoc, resendUrl);
  await until("Sam's card saved", () => saved(sam));
  const stored = async () => {
    const reloaded = new Y.Doc();
    for (const update of (await store.load('couple:b2b2b2b2b2b2b2b2b2b2b2b2')).updates) Y.applyUpdate(reloaded, update);
    return new Map(listCards(reloaded).map((c) => [c.id, c]));
  };
  expect([...(await stored()).keys()]).toEqual([samCard]);
  const alex = connect(ALEX, alexDoc, resendUrl);
  await until("Alex's card saved", () => saved(alex));
  expect([...alex.denied, ...sam.denied]).toEqual([]);
  expect(collab.refusals()).toBe(refusalsBefore);
  const cards = await stored();
  expect(cards.get(alexCard)?.authorId).toBe(ALEX);
  expect(cards.get(alexCard)?.statement).toBe('Quiet evenings');
  expect(cards.get(samCard)?.statement).toBe('No phones in bed');
  alex.ws.close();
  sam.ws.close();
});

it("still refuses a resend that writes in the partner's name from the sender's own client", async () => {
  const forgedUrl = url.replace(SPACE, 'c3c3c3c3c3c3c3c3c3c3c3c3');
  const samDoc = new Y.Doc();
  const other = new Y.Doc();
  createCard(other, { userId: SAM, partnerIds }, { cardType: 'boundary', statement: 'Mine' });
  Y.applyUpdate(samDoc, Y.encodeStateAsUpdate(other));
  const forged = createCard(samDoc, { userId: ALEX, partnerIds }, { cardType: 'need', statement: 'FORGED' });
  const sam = connect(SAM, samDoc, forgedUrl);
  await until('the refusal', () => sam.denied.length > 0);
  expect(parseRefusal(sam.denied[0]!)).toEqual({ code: BoardRefusal.forgedAuthor, itemId: forged });
  sam.ws.close();
});

it('counts an update that changes nothing on arrival (both partners deleted the same text) instead of storing it', async () => {
  const docUrl = url.replace(SPACE, 'd4d4d4d4d4d4d4d4d4d4d4d4');
  const alex = connect(ALEX, new Y.Doc(), docUrl);
  await until('sync', () => alex.synced);
  const planId = createExperience(alex.doc, { userId: ALEX, partnerIds }, { title: 'Picnic' });
  getItemText(alex.doc, planId, 'notes')!.insert(0, 'tea');
  await until('saved', () => saved(alex));
  // Sam's copy deletes the same character Alex deletes, before either saw the other's deletion.
  const samCopy = new Y.Doc();
  Y.applyUpdate(samCopy, Y.encodeStateAsUpdate(alex.doc));
  const before = Y.encodeStateVector(samCopy);
  getItemText(samCopy, planId, 'notes')!.delete(0, 1);
  const samDeletion = Y.encodeStateAsUpdate(samCopy, before);
  const counted = async () => Number(/^hearth_collab_unchanged_updates_total (\S+)/m.exec(await collab.metricsRegistry.metrics())?.[1]);
  const unchangedBefore = await counted();
  const rowsBefore = store.rows();
  getItemText(alex.doc, planId, 'notes')!.delete(0, 1);
  await until('the deletion stored', () => store.rows() > rowsBefore);
  const sam = connect(SAM, new Y.Doc(), docUrl);
  await until('Sam synced', () => sam.synced);
  const rowsAfterAlex = store.rows();
  sam.ws.send(syncUpdate(samDeletion));
  for (let i = 0; i < 200 && (await counted()) !== unchangedBefore + 1; i++) await new Promise((r) => setTimeout(r, 10));
  expect(await counted()).toBe(unchangedBefore + 1);
  expect(store.rows()).toBe(rowsAfterAlex);
  expect(sam.denied).toEqual([]);
  alex.ws.close();
  sam.ws.close();
});
