import { randomUUID } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import { z } from 'zod';
import type { SessionEnded } from '../platform/events';

/** What travels between nodes: a Yjs update or an awareness update of one document. */
export const FanoutKind = { update: 0, awareness: 1 } as const;
export type FanoutKind = (typeof FanoutKind)[keyof typeof FanoutKind];

export type FanoutListener = (kind: FanoutKind, payload: Uint8Array) => void;

/** A field of the wrong type is dropped, as if absent (messages come from other Hearth nodes). */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const AccessMessage = z.object({ node: z.unknown(), spaceId: lenient(z.string()), userId: lenient(z.string()) });
const SessionMessage = z.object({ node: z.unknown(), userId: z.unknown(), sessionIds: lenient(z.array(z.unknown())) });

/**
 * Cross-node fan-out over Redis pub/sub, one channel per document. A node publishes only
 * what its own clients sent (and stores only that), and ignores its own messages coming
 * back; other nodes apply them in memory and relay them to their connections.
 */
export class RedisFanout {
  readonly nodeId = randomUUID();
  private readonly pub: ReturnType<typeof createClient>;
  private readonly sub: ReturnType<typeof createClient>;
  private readonly listeners = new Map<string, FanoutListener>();
  private readonly ready: Promise<unknown>;

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    this.pub = createClient({ url });
    this.sub = this.pub.duplicate();
    for (const client of [this.pub, this.sub]) client.on('error', (err: unknown) => logger.warn({ err }, 'collab: redis error'));
    // Commands issued while connecting are queued by the client.
    this.ready = Promise.all([this.pub.connect(), this.sub.connect()]);
  }

  /** Resolves once subscribed, so nothing published after it is missed. */
  async subscribe(docName: string, listener: FanoutListener): Promise<void> {
    await this.ready;
    this.listeners.set(docName, listener);
    await this.sub.subscribe(channelOf(docName), (message: Buffer) => this.receive(docName, message), true);
  }

  async unsubscribe(docName: string): Promise<void> {
    this.listeners.delete(docName);
    await this.sub.unsubscribe(channelOf(docName)).catch((err: unknown) => this.logger.warn({ err }, 'collab: redis unsubscribe failed'));
  }

  publish(docName: string, kind: FanoutKind, payload: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarString(encoder, this.nodeId);
    encoding.writeVarUint8Array(encoder, payload);
    this.pub
      .publish(channelOf(docName), Buffer.from(encoding.toUint8Array(encoder)))
      .catch((err: unknown) => this.logger.warn({ err, doc: docName }, 'collab: redis publish failed'));
  }

  /** Relays `access:changed` so every node re-checks its own connections. */
  async onAccessChanged(listener: (change: { spaceId?: string; userId?: string }) => void): Promise<void> {
    await this.ready;
    await this.sub.subscribe(ACCESS_CHANNEL, (message: string) => {
      try {
        const parsed = AccessMessage.parse(JSON.parse(message));
        if (parsed.node === this.nodeId) return;
        listener({
          ...(parsed.spaceId !== undefined ? { spaceId: parsed.spaceId } : {}),
          ...(parsed.userId !== undefined ? { userId: parsed.userId } : {}),
        });
      } catch (err) {
        this.logger.warn({ err }, 'collab: bad access message');
      }
    });
  }

  publishAccessChanged(change: { spaceId?: string; userId?: string }): void {
    this.pub
      .publish(ACCESS_CHANNEL, JSON.stringify({ node: this.nodeId, ...change }))
      .catch((err: unknown) => this.logger.warn({ err }, 'collab: redis publish failed'));
  }

  /** Relays `session:ended` so every node closes its own connections of those sessions. */
  async onSessionEnded(listener: (ended: SessionEnded) => void): Promise<void> {
    await this.ready;
    await this.sub.subscribe(SESSION_CHANNEL, (message: string) => {
      try {
        const parsed = SessionMessage.parse(JSON.parse(message));
        if (parsed.node === this.nodeId || typeof parsed.userId !== 'string') return;
        const ids = parsed.sessionIds?.filter((id): id is string => typeof id === 'string');
        listener({ userId: parsed.userId, ...(ids ? { sessionIds: ids } : {}) });
      } catch (err) {
        this.logger.warn({ err }, 'collab: bad session message');
      }
    });
  }

  publishSessionEnded(ended: SessionEnded): void {
    this.pub
      .publish(SESSION_CHANNEL, JSON.stringify({ node: this.nodeId, ...ended }))
      .catch((err: unknown) => this.logger.warn({ err }, 'collab: redis publish failed'));
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await Promise.allSettled([this.sub.close(), this.pub.close()]);
  }

  private receive(docName: string, message: Buffer): void {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      const kind = decoding.readVarUint(decoder);
      if (decoding.readVarString(decoder) === this.nodeId) return;
      const payload = decoding.readVarUint8Array(decoder);
      if (kind === FanoutKind.update || kind === FanoutKind.awareness) this.listeners.get(docName)?.(kind, payload);
    } catch (err) {
      this.logger.warn({ err, doc: docName }, 'collab: bad fan-out message');
    }
  }
}

const ACCESS_CHANNEL = 'hearth:access-changed';
const SESSION_CHANNEL = 'hearth:session-ended';

function channelOf(docName: string): string {
  return `hearth:yjs:${docName}`;
}
