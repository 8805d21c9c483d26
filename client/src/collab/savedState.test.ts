import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { decodeStateVectorMap, encodeSavedMessage, messageSaved, readSavedStateVector } from '@hearth/shared/realtime';
import { localEditsSaved, mergeStateVectors } from './savedState';

function savedFrame(doc: Y.Doc): Uint8Array {
  return encodeSavedMessage(Y.encodeStateVector(doc));
}

describe('saved state', () => {
  it('is saved only once the stored state vector covers our own edits', () => {
    const mine = new Y.Doc();
    const server = new Y.Doc();
    mine.getText('t').insert(0, 'hello');
    const local = Y.decodeStateVector(Y.encodeStateVector(mine));
    expect(localEditsSaved(mine.clientID, local, new Map())).toBe(false);

    Y.applyUpdate(server, Y.encodeStateAsUpdate(mine));
    const decoder = decoding.createDecoder(savedFrame(server));
    expect(decoding.readVarUint(decoder)).toBe(messageSaved);
    const stored = decodeStateVectorMap(readSavedStateVector(decoder));
    expect(localEditsSaved(mine.clientID, local, stored)).toBe(true);

    mine.getText('t').insert(5, '!');
    const after = Y.decodeStateVector(Y.encodeStateVector(mine));
    expect(localEditsSaved(mine.clientID, after, stored)).toBe(false);
  });

  it('ignores edits of other clients the server has not acknowledged to us', () => {
    const mine = new Y.Doc();
    const partner = new Y.Doc();
    partner.getText('t').insert(0, 'from partner');
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(partner));
    const local = Y.decodeStateVector(Y.encodeStateVector(mine));
    expect(localEditsSaved(mine.clientID, local, new Map())).toBe(true);
  });

  it('never moves backwards when an older acknowledgement arrives late', () => {
    const merged = mergeStateVectors(
      new Map([[1, 10]]),
      new Map([
        [1, 4],
        [2, 3],
      ]),
    );
    expect(merged.get(1)).toBe(10);
    expect(merged.get(2)).toBe(3);
  });
});
