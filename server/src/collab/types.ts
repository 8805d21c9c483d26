import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { CollabLimits, ParsedDocName } from '@hearth/shared/realtime';
import type * as Y from 'yjs';
import type { HearthEvents } from '../platform/events';

import type { SessionUser } from '../auth/sessionUser';
import type { DocGrant } from '../spaces/access';

/** The session's user, as the auth feature resolves it from the cookie. */
export type CollabUser = SessionUser;
/**
 * What the spaces feature grants on one document (null from `authorize` means refused), with
 * the space's partners when known: the board rules need them (a promise is to the partner).
 */
export type CollabGrant = DocGrant & { partnerIds?: readonly string[] };

/** The collab server's settings and surroundings (its hooks are `CollabHooks`). */
export interface CollabSettings {
  logger: Logger;
  events: HearthEvents;
  /** e.g. http://localhost:3000; a present Origin header must equal it. */
  publicOrigin: string;
  /** Every origin accepted (default: just publicOrigin). */
  allowedOrigins?: readonly string[];
  limits?: Partial<CollabLimits>;
  /** Group-commit window in ms (default 2) and idle-unload delay (default 2000). */
  batchDelayMs?: number;
  unloadDelayMs?: number;
  /** Fold a document (a checkpoint row, else a snapshot) after this many journal rows (default 200). */
  compactEvery?: number;
  redisUrl?: string;
}

/** Who opened which document with which grant; never content. */
export interface CollabAccess {
  user: CollabUser;
  parsed: ParsedDocName;
  grant: CollabGrant;
}

export interface CollabServer {
  /** Stops accepting, closes sockets, stores pending updates and compacts every document. */
  close(): Promise<void>;
  stats(): { connections: number; loadedDocuments: number };
  /** Updates refused by `beforeApplyUpdate` since start (honest clients never cause one). */
  refusals(): number;
  /**
   * Closes connections to (4403) and drops from memory every loaded document whose name
   * matches, storing nothing more of them; for erasure, before its rows are deleted.
   */
  evictDocuments(match: (docName: string) => boolean): Promise<void>;
  /**
   * Runs `fn` on the live document (loading it if needed) inside one transaction with the
   * given origin; the change is stored, acknowledged and broadcast like a client's edit.
   */
  withDoc<T>(docName: string, fn: (doc: Y.Doc) => T, origin?: string): Promise<T>;
  /** False while update-log writes are failing (the database is down). */
  dbHealthy(): boolean;
  /** The collab metrics; merge into `GET /metrics` (see `createMetricsHandler`). */
  metricsRegistry: Registry;
}
