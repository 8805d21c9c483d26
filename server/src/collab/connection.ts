import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import { WebSocket, type RawData } from 'ws';
import {
  CloseCode,
  MessageType,
  PermissionDeniedReason,
  SyncMessageType,
  encodeSavedMessage,
  type CollabLimits,
  type ParsedDocName,
} from '@hearth/shared/realtime';
import { guardAwarenessUpdate, type PresenceIdentity } from './awarenessGuard';
import type { DocRegistry } from './docRegistry';
import type { DocPeer, LiveDoc } from './liveDoc';
import type { CollabMetrics } from './metrics';
import { RateLimiter } from './rateLimiter';
import type { CollabGrant, CollabUser } from './types';
import type { CollabHooks, UpdateView } from './hooks';
import { recordStage, stageTimesOn } from './stageTimes';
import { applyResendInParts, splitResend } from './validation/resendParts';
import { textOnlyChanges } from './validation/textFastPath';
import { reachedBy } from './updateClocks';

const PING_INTERVAL_MS = 30_000;
/** Metric labels for `hearth_collab_rejected_frames_total`. */
const REJECT_REASON: Record<number, string> = {
  [CloseCode.malformedMessage]: 'malformed',
  [CloseCode.invalidUpdate]: 'invalid_update',
  [CloseCode.documentTooLarge]: 'document_too_large',
};

export interface ConnectionContext {
  docName: string;
  parsed: ParsedDocName;
  user: CollabUser;
  grant: CollabGrant;
  limits: CollabLimits;
  registry: DocRegistry;
  metrics: CollabMetrics;
  logger: Logger;
  beforeApplyUpdate?: CollabHooks['beforeApplyUpdate'];
  /** Another loaded document, for hooks that compare documents (a move between them). */
  loadedDoc(name: string): Y.Doc | undefined;
  /** An update was refused by `beforeApplyUpdate` (counted for tests and metrics). */
  onRefused(reason: string): void;
  onClosed: (conn: CollabConnection) => void;
}

class ProtocolError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * One WebSocket on `/yjs/<docName>`. Frames are queued (capped) until the document has
 * loaded, then handled in order; any protocol fault closes this connection only.
 */
export class CollabConnection implements DocPeer {
  private doc: LiveDoc | null = null;
  private readonly queue: Uint8Array[] = [];
  private readonly limiter: RateLimiter;
  private boundClientId: number | null = null;
  private closed = false;
  private alive = true;

  constructor(
    private readonly ws: WebSocket,
    readonly ctx: ConnectionContext,
  ) {
    this.limiter = new RateLimiter(ctx.limits.messagesPerSecond, ctx.limits.messageBurst);
    ws.on('error', (err) => ctx.logger.debug({ err, doc: ctx.docName }, 'collab: socket error'));
    ws.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('pong', () => {
      this.alive = true;
    });
    pinged.add(this);
    ensurePingSweep();
    void this.load();
  }

  get readOnly(): boolean {
    return this.ctx.grant.mode === 'read';
  }

  get identity(): PresenceIdentity {
    const { user, grant } = this.ctx;
    return { id: user.id, name: user.displayName, role: grant.mode === 'read' ? 'observer' : grant.role };
  }

  /** Access re-check result: a narrower grant keeps the socket, none closes it. */
  regrant(grant: CollabGrant | null): void {
    if (!grant) return this.close(CloseCode.accessRevoked, 'access revoked');
    this.ctx.grant = grant;
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(message, (err) => {
      if (err) this.ctx.logger.debug({ err }, 'collab: send failed');
    });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
    // A peer that never answers the close handshake must not hold the document.
    setTimeout(() => this.ws.terminate(), 2000).unref();
  }

  private async load(): Promise<void> {
    try {
      const doc = await this.ctx.registry.acquire(this.ctx.docName);
      if (this.closed || this.ws.readyState !== WebSocket.OPEN) {
        this.ctx.registry.release(this.ctx.docName, doc);
        return;
      }
      this.doc = doc;
      doc.peers.add(this);
      this.sendSyncStep1(doc);
      const states = [...doc.awareness.getStates().keys()];
      if (states.length > 0) this.send(frame(MessageType.awareness, awarenessProtocol.encodeAwarenessUpdate(doc.awareness, states)));
      while (this.queue.length > 0 && !this.closed) this.handle(doc, this.queue.shift()!);
    } catch (err) {
      this.ctx.logger.warn({ err, doc: this.ctx.docName }, 'collab: document load failed');
      this.close(CloseCode.unavailable, 'document unavailable');
    }
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.limiter.take()) return this.reject('rate', CloseCode.rateLimited, 'too many messages');
    if (!isBinary) return this.reject('malformed', CloseCode.malformedMessage, 'binary frames only');
    const bytes = toUint8Array(data);
    if (!this.doc) {
      if (this.queue.length >= this.ctx.limits.maxQueuedMessages) return this.reject('rate', CloseCode.rateLimited, 'too many messages');
      this.queue.push(bytes);
      return;
    }
    this.handle(this.doc, bytes);
  }

  private handle(doc: LiveDoc, message: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.sync) {
        const subtype = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        expectEnd(decoder);
        this.handleSync(doc, subtype, payload);
      } else if (type === MessageType.awareness) {
        const update = decoding.readVarUint8Array(decoder);
        expectEnd(decoder);
        this.handleAwareness(doc, update);
      } else if (type === MessageType.queryAwareness) {
        expectEnd(decoder);
        const clients = [...doc.awareness.getStates().keys()];
        this.send(frame(MessageType.awareness, awarenessProtocol.encodeAwarenessUpdate(doc.awareness, clients)));
      } else {
        // Clients never send auth (2) or saved (100) messages.
        throw new ProtocolError(CloseCode.malformedMessage, 'unexpected message type');
      }
    } catch (err) {
      const fault = err instanceof ProtocolError ? err : new ProtocolError(CloseCode.malformedMessage, 'malformed message');
      this.ctx.logger.info({ doc: this.ctx.docName, user: this.ctx.user.id, code: fault.code, err }, 'collab: closing connection');
      this.reject(REJECT_REASON[fault.code] ?? 'other', fault.code, fault.reason);
    }
  }

  private handleSync(doc: LiveDoc, subtype: number, payload: Uint8Array): void {
    if (subtype === SyncMessageType.step1) {
      doc.awaitStored(this, Y.decodeStateVector(payload));
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      encoding.writeVarUint(encoder, SyncMessageType.step2);
      encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc.ydoc, payload));
      return this.send(encoding.toUint8Array(encoder));
    }
    if (subtype !== SyncMessageType.step2 && subtype !== SyncMessageType.update) {
      throw new ProtocolError(CloseCode.malformedMessage, 'unknown sync message');
    }
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    const decodeStarted = stageTimesOn() ? performance.now() : 0;
    try {
      // Full structural decode before touching the live document; the board rules read it too.
      decoded = Y.decodeUpdate(payload);
    } catch {
      throw new ProtocolError(CloseCode.invalidUpdate, 'invalid update');
    }
    const meta = { to: reachedBy(decoded.structs) };
    if (decodeStarted) recordStage('decode', performance.now() - decodeStarted);
    if (this.readOnly) {
      // The provider always answers with a step 2; only one carrying edits is an attempt to write.
      if (subtype === SyncMessageType.update || carriesNewStructs(doc, meta.to)) {
        this.ctx.metrics.rejectedFrames.inc({ reason: 'read_only' });
        this.sendPermissionDenied(PermissionDeniedReason.readOnly);
      }
      return;
    }
    if (doc.approxBytes + payload.length > this.ctx.limits.maxDocumentBytes) {
      this.sendPermissionDenied(PermissionDeniedReason.documentTooLarge);
      throw new ProtocolError(CloseCode.documentTooLarge, 'document too large');
    }
    const pendingBefore = doc.pending.length;
    const hook = this.ctx.beforeApplyUpdate;
    const { docName, parsed, user, grant } = this.ctx;
    const check = (update: Uint8Array, structure?: ReturnType<typeof Y.decodeUpdate>) =>
      hook &&
      ((view: () => UpdateView) =>
        hook({
          docName,
          parsed,
          user,
          grant,
          update,
          view,
          textChanges: () => textOnlyChanges(doc.ydoc, structure ?? Y.decodeUpdate(update)),
          loadedDoc: this.ctx.loadedDoc,
        }));
    let verdict;
    try {
      verdict = doc.applyChecked(payload, this, check(payload, decoded));
      if (!verdict.ok && subtype === SyncMessageType.step2) {
        // A resend after a crash may relay the partner's own edits: keep what is the sender's to write.
        const parts = splitResend(payload, Y.decodeStateVector(Y.encodeStateVector(doc.ydoc)));
        const result = applyResendInParts(parts, verdict, this.boundClientId, (part) => doc.applyChecked(part, this, check(part)));
        verdict = result.verdict;
        if (verdict.ok && result.dropped > 0) {
          this.ctx.logger.info({ doc: docName, user: user.id, dropped: result.dropped }, 'collab: resend applied in part');
        }
      }
    } catch (err) {
      this.ctx.logger.info({ err, doc: docName }, 'collab: update failed to apply');
      throw new ProtocolError(CloseCode.invalidUpdate, 'update failed to apply');
    }
    if (!verdict.ok) {
      // Not applied, stored or broadcast; the sender's client rolls back to the server's state.
      this.ctx.logger.info({ doc: docName, user: user.id, reason: verdict.reason }, 'collab: update refused');
      this.ctx.onRefused(verdict.reason);
      this.sendPermissionDenied(verdict.reason);
      return;
    }
    doc.awaitStored(this, meta.to);
    // Nothing new (e.g. a reconnect resending stored edits): acknowledge what is stored now.
    if (subtype === SyncMessageType.update && doc.pending.length === pendingBefore) this.ctx.metrics.unchangedUpdates.inc();
    if (subtype === SyncMessageType.step2 && doc.pending.length === pendingBefore) {
      this.send(encodeSavedMessage(doc.storedStateVector()));
    }
  }

  private handleAwareness(doc: LiveDoc, update: Uint8Array): void {
    const result = guardAwarenessUpdate(update, {
      boundClientId: this.boundClientId,
      isClientIdFree: (id) => ![...doc.peers].some((p) => p instanceof CollabConnection && p !== this && p.boundClientId === id),
      identity: this.identity,
      maxStateBytes: this.ctx.limits.maxAwarenessStateBytes,
    });
    this.boundClientId = result.boundClientId;
    if (result.update) awarenessProtocol.applyAwarenessUpdate(doc.awareness, result.update, this);
    else this.ctx.metrics.rejectedFrames.inc({ reason: 'awareness' });
  }

  /** Called every PING_INTERVAL_MS: a connection that did not answer the last ping is dead. */
  pingOrTerminate(): void {
    if (!this.alive) return this.ws.terminate();
    this.alive = false;
    this.ws.ping();
  }

  private sendSyncStep1(doc: LiveDoc): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncMessageType.step1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc.ydoc));
    this.send(encoding.toUint8Array(encoder));
  }

  private sendPermissionDenied(reason: string): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.auth);
    authProtocol.writePermissionDenied(encoder, reason);
    this.send(encoding.toUint8Array(encoder));
  }

  private reject(reason: string, code: number, text: string): void {
    this.ctx.metrics.rejectedFrames.inc({ reason });
    this.close(code, text);
  }

  private onClose(): void {
    this.closed = true;
    pinged.delete(this);
    const doc = this.doc;
    this.doc = null;
    if (doc) {
      doc.removePeer(this);
      if (this.boundClientId !== null) awarenessProtocol.removeAwarenessStates(doc.awareness, [this.boundClientId], null);
      this.ctx.registry.release(this.ctx.docName, doc);
    }
    this.ctx.onClosed(this);
  }
}

/**
 * Every open connection of the process, pinged by one shared timer rather than a timer and
 * closure per connection (docs/performance.md, "Idle connections").
 */
const pinged = new Set<CollabConnection>();
let pingSweep: NodeJS.Timeout | null = null;

function ensurePingSweep(): void {
  if (pingSweep) return;
  pingSweep = setInterval(() => {
    for (const conn of pinged) conn.pingOrTerminate();
    if (pinged.size === 0 && pingSweep) {
      clearInterval(pingSweep);
      pingSweep = null;
    }
  }, PING_INTERVAL_MS);
  pingSweep.unref();
}

function frame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new ProtocolError(CloseCode.malformedMessage, 'trailing bytes');
}

function carriesNewStructs(doc: LiveDoc, to: Map<number, number>): boolean {
  const current = Y.decodeStateVector(Y.encodeStateVector(doc.ydoc));
  for (const [client, clock] of to) if (clock > (current.get(client) ?? 0)) return true;
  return false;
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
