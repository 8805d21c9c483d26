import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { ParsedDocName } from '@hearth/shared/realtime';
import type { CollabAccess, CollabGrant, CollabUser } from './types';
import type { UpdateChanges } from './validation/scratchCopy';
import type { TextChange } from './validation/textFastPath';

/** An incoming update tried on a scratch copy: the live state, the state after it, what it touched. */
export interface UpdateView {
  before: Y.Doc;
  after: Y.Doc;
  changes: UpdateChanges;
}

export interface UpdateContext {
  docName: string;
  parsed: ParsedDocName;
  user: CollabUser;
  grant: CollabGrant;
  update: Uint8Array;
  /** Tries the update on a scratch copy of the document (only when first asked). */
  view(): UpdateView;
  /** The live texts the update only types into or deletes from, without applying it; null for anything else. */
  textChanges(): ReadonlyMap<Y.Text, TextChange> | null;
  /** Another document of this server, if it is in memory (e.g. the source of a move). */
  loadedDoc(name: string): Y.Doc | undefined;
}

/** `reason` goes to the sender in a permission-denied message (see @hearth/shared/realtime). */
export type UpdateVerdict = { ok: true } | { ok: false; reason: string };

/** What the database now holds for a document after a group commit. */
export interface StoredEvent {
  docName: string;
  updates: number;
}

/**
 * The named seams of the collab server, in the style of Hocuspocus: who connects, what they
 * may open, what an update may change, and what happened afterwards.
 */
export interface CollabHooks {
  /** The session behind an upgrade request, or null (401). */
  authenticate(req: IncomingMessage): Promise<CollabUser | null>;
  /** What `user` may do with a document, or null (403); re-run when access changes. */
  authorize(user: CollabUser, doc: ParsedDocName): Promise<CollabGrant | null>;
  /**
   * Runs on every incoming update before it is applied, stored or broadcast; a refusal is
   * sent to the sender only. Synchronous, since it sits on the typing path.
   */
  beforeApplyUpdate?(ctx: UpdateContext): UpdateVerdict;
  /** After updates of a document were durably stored (and acknowledged). */
  afterStored?(event: StoredEvent): void;
  /** A connection was accepted / closed (the counsellor audit log). */
  onOpened?(access: CollabAccess): void;
  onClosed?(access: CollabAccess): void;
}
