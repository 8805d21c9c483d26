import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { isRecord } from '@hearth/shared/guards';

/**
 * The live presence of each open document, so code that holds only a Y.Doc (the undo history)
 * can tell who is behind another client id. Filled by `usePeers`; entries go with their docs.
 */
const byDoc = new WeakMap<Y.Doc, Awareness>();

export function registerAwareness(awareness: Awareness): void {
  byDoc.set(awareness.doc, awareness);
}

/** The user (id and name, as the server stamped them) of a client id of `doc`, when connected. */
export function userOfClient(doc: Y.Doc, clientId: number): { userId: string; name: string } | null {
  const state: unknown = byDoc.get(doc)?.getStates().get(clientId);
  const user = isRecord(state) ? state.user : undefined;
  return isRecord(user) && typeof user.id === 'string' && typeof user.name === 'string' ? { userId: user.id, name: user.name } : null;
}
