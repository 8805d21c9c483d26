import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { CollabLimits, ParsedDocName } from '@hearth/shared/realtime';
import type { HearthEvents } from '../platform/events';

import type { SessionUser } from '../auth/sessionUser';
import type { DocGrant } from '../spaces/access';

/** The session's user, as the auth feature resolves it from the cookie. */
export type CollabUser = SessionUser;
/** What the spaces feature grants on one document; null from `authorize` means refused. */
export type CollabGrant = DocGrant;

export interface CollabDeps {
  logger: Logger;
  authenticate: (req: IncomingMessage) => Promise<CollabUser | null>;
  authorize: (user: CollabUser, doc: ParsedDocName) => Promise<CollabGrant | null>;
  events: HearthEvents;
  /** e.g. http://localhost:3000; a present Origin header must equal it. */
  publicOrigin: string;
  limits?: Partial<CollabLimits>;
  /** Group-commit window in ms (default 2) and idle-unload delay (default 2000). */
  batchDelayMs?: number;
  unloadDelayMs?: number;
  /** Compact a document after this many logged updates (default 500). */
  compactEvery?: number;
  redisUrl?: string;
}

export interface CollabServer {
  /** Stops accepting, closes sockets, stores pending updates and compacts every document. */
  close(): Promise<void>;
  stats(): { connections: number; loadedDocuments: number };
  /**
   * Closes connections to (4403) and drops from memory every loaded document whose name
   * matches, storing nothing more of them; for erasure, before its rows are deleted.
   */
  evictDocuments(match: (docName: string) => boolean): Promise<void>;
  /** False while update-log writes are failing (the database is down). */
  dbHealthy(): boolean;
  metricsRegistry: import('prom-client').Registry;
}
