import * as Y from 'yjs';

/**
 * Per client, the clock an update reaches — what `Y.parseUpdateMeta(update).to` reads — taken
 * from what the hot path already has instead of decoding the update once more.
 */

/** From the structs of `Y.decodeUpdate` (each client's structs come in clock order). */
export function reachedBy(structs: ReturnType<typeof Y.decodeUpdate>['structs']): Map<number, number> {
  const to = new Map<number, number>();
  for (const s of structs) to.set(s.id.client, s.id.clock + s.length);
  return to;
}

/**
 * From the transaction whose `update` event carries the update: Yjs encodes, for every client
 * whose clock the transaction advanced, its structs from the state before at least up to the
 * state after (further only if a listener edited the document during the clean-up, and that
 * edit is an update of its own): never more than the update holds.
 */
export function reachedClocks(tr: Y.Transaction): Map<number, number> {
  const reaches = new Map<number, number>();
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) reaches.set(client, clock);
  return reaches;
}
