import type { HearthEvents } from '../platform/events';
import type { Logger } from '../platform/logger';
import type { StoredDocs } from './storedDocs';

/** What erasure needs from the rest of the server. */
export interface ErasureDeps {
  events: HearthEvents;
  logger: Logger;
  /** The stored documents, erased through the collab store. */
  stored: StoredDocs;
  /**
   * Closes live connections to, and drops the in-memory copies of, every loaded Yjs document
   * whose name matches — without storing them. Provided by the collab server; without it a
   * document loaded at the moment of erasure could be written back when it unloads.
   */
  evictDocuments?: (match: (docName: string) => boolean) => Promise<void>;
}
