import * as Y from 'yjs';
import type { BoardActor, OpOptions } from '../../shared/src/board/context';

/** Fixtures for the board's unit tests: two partners, a stranger, and replicas to sync. */

export const ALICE = 'a00000000000000000000001';
export const BOB = 'b00000000000000000000002';
export const CAROL = 'c00000000000000000000003';
export const PARTNERS = [ALICE, BOB] as const;
export const alice: BoardActor = { userId: ALICE, partnerIds: PARTNERS };
export const bob: BoardActor = { userId: BOB, partnerIds: PARTNERS };
/** A counsellor or anyone else: not a partner, so never a writer. */
export const carol: BoardActor = { userId: CAROL, partnerIds: PARTNERS };

export function at(iso: string): OpOptions {
  return { now: new Date(iso) };
}

/** Sends each replica what the other lacks, both ways, like a provider after reconnecting. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Two replicas of one board that start from the same state and then go their own ways. */
export function replicas(seed?: (doc: Y.Doc) => void): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  if (seed) seed(a);
  sync(a, b);
  return [a, b];
}
