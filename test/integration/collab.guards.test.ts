import { randomBytes } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, MessageType, SyncMessageType } from '@hearth/shared/realtime';
import { connectTestDb, freshDbName } from '../helpers/database';
import { startCollabHarness, type CollabHarness } from './collab-fixtures/collabHarness';
import { openRaw, type RawClient } from './collab-fixtures/rawSocket';
import { connectClient, waitFor, type TestClient } from './collab-fixtures/providers';
import { createMongoCollabStore } from '../../server/src/collab';

const collabStore = createMongoCollabStore();

const SPACE = 'a1a1a1a1a1a1a1a1a1a1a1a1';
const DOC = `space:${SPACE}`;
const ALEX = 'a0000000000000000000000a';
const SAM = 'b0000000000000000000000b';

let h: CollabHarness;
let alex: TestClient;
let sam: TestClient;

async function storedText(): Promise<string> {
  const stored = await collabStore.load(DOC);
  const doc = new Y.Doc();
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc.getText('board').toString();
}

function syncFrame(subtype: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, subtype);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Sends one bad frame on a fresh socket and returns the code it was closed with. */
async function closeCodeFor(frame: Uint8Array): Promise<number> {
  const raw: RawClient = await openRaw(`${h.wsBase}/${DOC}`, h.headersFor(ALEX));
  raw.ws.send(frame);
  await waitFor('the bad connection to close', () => raw.closeCode !== null);
  return raw.closeCode!;
}

/** The rest of the world is unaffected: the partners still edit live, and storage holds exactly their text. */
async function othersKeepWorking(marker: string): Promise<void> {
  alex.doc.getText('board').insert(alex.doc.getText('board').length, marker);
  await waitFor('Sam to see the edit', () => sam.doc.getText('board').toString().includes(marker));
  await waitFor('the edit to be saved', () => alex.allSaved());
  expect(await storedText()).toBe(alex.doc.getText('board').toString());
}

beforeAll(async () => {
  await connectTestDb(freshDbName('collabguards'));
  h = await startCollabHarness((_user, doc) => ({ mode: 'write', role: 'partner', spaceId: doc.spaceId }));
  alex = connectClient(h.wsBase, DOC, h.headersFor(ALEX));
  sam = connectClient(h.wsBase, DOC, h.headersFor(SAM));
  await waitFor('both partners to sync', () => alex.provider.synced && sam.provider.synced);
  alex.doc.getText('board').insert(0, 'our plan;');
  await waitFor('first edit saved', () => alex.allSaved());
});

afterAll(async () => {
  alex?.destroy();
  sam?.destroy();
  await h?.stop();
});

describe('malformed input closes only its own connection', () => {
  it('random bytes', async () => {
    for (const first of [0, 1, 2, 3, 7, 100, 200]) {
      const bytes = randomBytes(512);
      bytes[0] = first;
      expect([CloseCode.malformedMessage, CloseCode.invalidUpdate]).toContain(await closeCodeFor(bytes));
    }
    await othersKeepWorking(' random;');
  });

  it('a truncated sync message', async () => {
    const other = new Y.Doc();
    other.getText('board').insert(0, 'this never arrives in full');
    const frame = syncFrame(SyncMessageType.update, Y.encodeStateAsUpdate(other));
    expect(await closeCodeFor(frame.subarray(0, frame.length - 5))).toBe(CloseCode.malformedMessage);
    expect(await closeCodeFor(frame.subarray(0, 1))).toBe(CloseCode.malformedMessage);
    await othersKeepWorking(' truncated;');
    expect(await storedText()).not.toContain('never arrives');
  });

  it('garbage inside a well-formed update message', async () => {
    for (let i = 0; i < 5; i++) {
      const garbage = new Uint8Array([1, 1, ...randomBytes(64)]);
      expect(await closeCodeFor(syncFrame(SyncMessageType.update, garbage))).toBe(CloseCode.invalidUpdate);
      expect(await closeCodeFor(syncFrame(SyncMessageType.step2, garbage))).toBe(CloseCode.invalidUpdate);
    }
    await othersKeepWorking(' garbage;');
  });

  it('an oversize frame closes with 1009', async () => {
    const huge = syncFrame(SyncMessageType.update, new Uint8Array(1024 * 1024 + 16));
    expect(await closeCodeFor(huge)).toBe(CloseCode.messageTooBig);
    await othersKeepWorking(' huge;');
  });
});

describe('document size limit', () => {
  it('refuses an edit that would exceed it, with a clear reason, and stores nothing of it', async () => {
    const small = await startCollabHarness((_u, doc) => ({ mode: 'write', role: 'partner', spaceId: doc.spaceId }), {
      limits: { maxDocumentBytes: 4096 },
    });
    const name = `couple:${SPACE}`;
    const writer = connectClient(small.wsBase, name, small.headersFor(ALEX), { maxBackoffTime: 60_000 });
    try {
      await waitFor('sync', () => writer.provider.synced);
      writer.doc.getText('board').insert(0, 'fits;');
      await waitFor('small edit saved', () => writer.allSaved());
      writer.doc.getText('board').insert(0, 'x'.repeat(8000));
      await waitFor('refusal', () => writer.closes.includes(CloseCode.documentTooLarge));
      expect(writer.permissionDenied).toContain('document-too-large');
      const stored = await collabStore.load(name);
      const doc = new Y.Doc();
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      expect(doc.getText('board').toString()).toBe('fits;');
    } finally {
      writer.destroy();
      await small.stop();
    }
  });
});
