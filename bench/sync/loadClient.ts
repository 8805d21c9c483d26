import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { decodeStateVectorMap, MessageType, SyncMessageType } from '@hearth/shared/realtime';
import { createExperience, getItemText, itemsOf, type BoardActor } from '@hearth/shared/board';
import { freshTransactionList } from '../../server/src/collab/youngTransactions';

/**
 * The load generator applies Yjs updates as the server does, and needs the server's remedy for
 * the same reason (server/src/collab/youngTransactions.ts): its own young-generation pauses
 * delay what it measures. `BENCH_LOAD_YOUNG_TRANSACTIONS=0` turns it off for an A/B run.
 */
const youngTransactions = process.env.BENCH_LOAD_YOUNG_TRANSACTIONS !== '0';

/**
 * When each (clientID, clock) was typed and not yet received by another client: shared by all
 * clients of this process. An entry goes at its first arrival elsewhere (the partner), so the
 * map holds the keystrokes in flight, not the run's history (whose growth made the load
 * generator's own garbage collection part of what it measured).
 */
export const sentAt = new Map<string, number>();

export interface LoadObserver {
  propagation(ms: number): void;
  ack(ms: number): void;
  error(what: string): void;
}

/**
 * A y-websocket protocol client without the browser provider's extras: sync step 1/2,
 * updates, and Hearth's message 100. Each `type()` inserts one character into the notes of
 * the space's one plan (a board item, so the server's board rules see real typing).
 */
export class LoadClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  synced = false;
  /** When the sync step 2 arrived (performance.now()), 0 before. */
  syncedAt = 0;
  closedUnexpectedly = false;
  private readonly unacked: { clock: number; at: number }[] = [];
  /** Where `typeAtCursor` types next. */
  private cursor: Y.RelativePosition | null = null;
  private keystrokes = 0;
  private closing = false;

  constructor(
    url: string,
    headers: Record<string, string>,
    private readonly observer: LoadObserver,
  ) {
    this.ws = new WebSocket(url, { headers, perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, SyncMessageType.step1);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
      this.ws.send(encoding.toUint8Array(e));
    });
    this.ws.on('message', (data: Buffer) => this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    this.ws.on('error', (err) => observer.error(`socket error: ${err.message}`));
    this.ws.on('close', (code) => {
      if (!this.closing) {
        this.closedUnexpectedly = true;
        observer.error(`closed with ${code}`);
      }
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, SyncMessageType.update);
      encoding.writeVarUint8Array(e, update);
      if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encoding.toUint8Array(e));
    });
  }

  get pendingAcks(): number {
    return this.unacked.length;
  }

  /** The first partner of a space writes its plan once synced (through the board model). */
  createPlan(actor: BoardActor): void {
    if (itemsOf(this.doc).size === 0) createExperience(this.doc, actor, { title: 'Weekend away' });
  }

  /** The notes both partners type into; undefined until the plan has arrived. */
  private notes(): Y.Text | undefined {
    const [planId] = itemsOf(this.doc).keys();
    return planId === undefined ? undefined : getItemText(this.doc, planId, 'notes');
  }

  hasPlan(): boolean {
    return this.notes() !== undefined;
  }

  /** What both partners should agree on. */
  boardText(): string {
    return this.notes()?.toString() ?? '';
  }

  /**
   * One keystroke as a person makes it (`--typing cursor` of the soak): at a cursor that stays
   * put between keystrokes (a relative position, so the partner's edits do not move it) and
   * jumps somewhere else every 60 keystrokes; one keystroke in ten is a backspace. A text of
   * `maxLength` characters first loses its first 40 (a paragraph rewritten) in the same update.
   * False when the plan has not arrived yet.
   */
  typeAtCursor(maxLength = Infinity): boolean {
    const text = this.notes();
    if (!text) return false;
    const at = performance.now();
    this.beforeEdit();
    this.doc.transact(() => {
      if (text.length >= maxLength) text.delete(0, Math.min(40, text.length));
      const resolved = this.cursor && Y.createAbsolutePositionFromRelativePosition(this.cursor, this.doc);
      let pos = this.keystrokes++ % 60 === 0 || !resolved ? Math.floor(Math.random() * (text.length + 1)) : resolved.index;
      if (this.keystrokes % 10 === 0 && pos > 0) text.delete(--pos, 1);
      else text.insert(pos++, 'x');
      this.cursor = Y.createRelativePositionFromTypeIndex(text, pos);
    });
    this.noteSent(at);
    return true;
  }

  /**
   * Types one character at a random place (the sync benchmark's keystroke, and the soak's worst
   * case: no two keystrokes adjacent); false when the plan has not arrived yet. With `maxLength`,
   * a text that long first loses one character at random in the same update.
   */
  type(maxLength = Infinity): boolean {
    const text = this.notes();
    if (!text) return false;
    const at = performance.now();
    this.beforeEdit();
    this.doc.transact(() => {
      if (text.length >= maxLength) text.delete(Math.floor(Math.random() * text.length), 1);
      text.insert(Math.floor(Math.random() * (text.length + 1)), 'x');
    });
    this.noteSent(at);
    return true;
  }

  private beforeEdit(): void {
    if (youngTransactions) freshTransactionList(this.doc);
  }

  /** Remembers a keystroke's clock for its propagation and saved-ack times. */
  private noteSent(at: number): void {
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    sentAt.set(`${this.doc.clientID}:${clock}`, at);
    this.unacked.push({ clock, at });
  }

  close(): void {
    this.closing = true;
    this.ws.close();
    this.doc.destroy();
  }

  private onMessage(message: Uint8Array): void {
    const now = performance.now();
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const subtype = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (subtype === SyncMessageType.step1) {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.sync);
        encoding.writeVarUint(e, SyncMessageType.step2);
        encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.doc, payload));
        this.ws.send(encoding.toUint8Array(e));
        return;
      }
      if (subtype === SyncMessageType.step2 && !this.synced) {
        this.synced = true;
        this.syncedAt = now;
      }
      // Propagation is an update relayed as it happened, not a sync step 2 (a client opening the space).
      if (subtype === SyncMessageType.update) {
        for (const [client, clock] of Y.parseUpdateMeta(payload).to) {
          if (client === this.doc.clientID) continue;
          const key = `${client}:${clock}`;
          const sent = sentAt.get(key);
          if (sent === undefined) continue;
          this.observer.propagation(now - sent);
          sentAt.delete(key);
        }
      }
      this.beforeEdit();
      Y.applyUpdate(this.doc, payload, this);
    } else if (type === MessageType.saved) {
      const stored = decodeStateVectorMap(decoding.readVarUint8Array(decoder)).get(this.doc.clientID) ?? 0;
      while (this.unacked.length > 0 && this.unacked[0]!.clock <= stored) this.observer.ack(now - this.unacked.shift()!.at);
    }
  }
}
