import * as Y from 'yjs';

// After storing updates the server sends `messageSaved` (100) with the state vector of what is
// durably stored (docs/realtime.md); these helpers turn it into an honest "All changes saved".

/** Keeps the highest clock per client: acks can arrive out of order across reconnects. */
export function mergeStateVectors(into: Map<number, number>, from: Map<number, number>): Map<number, number> {
  for (const [client, clock] of from) {
    if ((into.get(client) ?? 0) < clock) into.set(client, clock);
  }
  return into;
}

/**
 * This device's edits are saved when the server's stored clock for our clientID has reached
 * the local clock. Edits from others are theirs to wait for; a doc without local edits is saved.
 */
export function localEditsSaved(clientID: number, local: Map<number, number>, stored: Map<number, number>): boolean {
  const localClock = local.get(clientID) ?? 0;
  if (localClock === 0) return true;
  return (stored.get(clientID) ?? 0) >= localClock;
}

/** The local clock of `clientID` in `doc`: how many structs that client has written. */
export function localClockOf(doc: Y.Doc): number {
  return Y.getState(doc.store, doc.clientID);
}
