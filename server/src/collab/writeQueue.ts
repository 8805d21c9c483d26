import type { Logger } from 'pino';
import type { Types } from 'mongoose';
import type { AppendRow, CollabStore } from './collabStore';
import type { Journal } from './journal';
import { recordStage, stageTimesOn } from './stageTimes';
import { collabTuning } from './tuning';

/** One accepted update waiting to be stored (and then acknowledged to `origin`). */
export interface PendingUpdate {
  id: Types.ObjectId;
  seq: number;
  data: Uint8Array;
  /** The connection that sent it, or null for server-side changes. */
  origin: object | null;
  receivedAt: number;
  stored: boolean;
  /**
   * Per client, the clock this update reaches (taken from its transaction, so that storing it
   * needs no second decode); read from `data` when absent.
   */
  reaches?: Map<number, number>;
  /** The journal segment that holds it, once stored. */
  segment?: string;
  /**
   * Set on a checkpoint row (`LiveDoc.checkpoint`): the document's whole state, written with
   * the group commit instead of as a snapshot write of its own. `clocks` is its state vector.
   */
  checkpoint?: { clocks: Map<number, number>; bytesAtEncode: number };
}

/** A document with a FIFO of pending updates; told when a prefix of them is stored. */
export interface WriteTarget {
  readonly name: string;
  readonly pending: PendingUpdate[];
  onStored(entries: PendingUpdate[]): void;
}

export interface WriteQueueOptions {
  logger: Logger;
  journal: Journal;
  /** Group-commit window: updates arriving within it share one insertMany. */
  batchDelayMs: number;
  /** After each insertMany: its duration, how many updates it held (checkpoints not counted), success. */
  onWrite?: (seconds: number, updates: number, ok: boolean) => void;
}

const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/** How long before rotation the next journal segment is created (in the write lane). */
const SEGMENT_LEAD_MS = 2000;
const MAX_BACKOFF_MS = 5000;

/**
 * Group commit for the update log. One write in flight at a time, so each document's updates
 * are stored in the order they were applied; on failure they stay in memory (no acks) and the
 * batch is retried with exponential backoff until the database answers again.
 *
 * Other collab writes (compaction snapshots) take turns with the group commits through
 * `exclusive`: the embedded database has a single writer, and a commit that collides with
 * another write sleeps in SQLite's busy handler (1, 2, 5, 10 … 100 ms steps) rather than
 * waiting its turn, which was the saved-ack tail.
 */
export class WriteQueue {
  private readonly dirty = new Set<WriteTarget>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** The group-commit window has closed; the commit waits for the exclusive job in flight. */
  private commitDue = false;
  private readonly jobs: (() => Promise<void>)[] = [];
  private jobRunning: Promise<void> | null = null;
  private lastWasCommit = false;
  /** The journal segment last created ahead of rotation. */
  private prepared: string | null = null;
  private failures = 0;
  private healthyNow = true;

  constructor(
    private readonly store: Pick<CollabStore, 'append' | 'prepareSegment'>,
    private readonly opts: WriteQueueOptions,
  ) {}

  healthy(): boolean {
    return this.healthyNow;
  }

  enqueue(target: WriteTarget): void {
    this.dirty.add(target);
    this.schedule(collabTuning.commitWindowMs ?? this.opts.batchDelayMs);
  }

  /**
   * Runs another write to the database between group commits, never during one; when both
   * wait, commits and such jobs alternate.
   */
  exclusive<T>(job: () => Promise<T>): Promise<T> {
    if (!collabTuning.writeLane) return job();
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(() => job().then(resolve, reject));
      this.pump();
    });
  }

  /** Resolves once nothing is pending, or false after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.dirty.size > 0 || this.running || this.commitDue) {
      if (Date.now() > deadline) return false;
      if (this.timer && this.failures === 0) {
        clearTimeout(this.timer);
        this.timer = null;
        this.commitDue = true;
        this.pump();
      }
      await (this.running ?? this.jobRunning ?? new Promise((r) => setTimeout(r, 20)));
    }
    return true;
  }

  /** Waits for the write in flight, if any (its rows may still land after eviction). */
  async settle(): Promise<void> {
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.timer || this.running || this.commitDue) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.commitDue = true;
      this.pump();
    }, delay);
  }

  /** Starts the next write when none is in flight: a due commit or a job, alternating. */
  private pump(): void {
    if (this.running || this.jobRunning) return;
    const job = this.jobs.length > 0 && (!this.commitDue || this.lastWasCommit) ? this.jobs.shift() : undefined;
    if (job) {
      this.lastWasCommit = false;
      this.jobRunning = job().finally(() => {
        this.jobRunning = null;
        this.pump();
      });
    } else if (this.commitDue) {
      this.commitDue = false;
      this.lastWasCommit = true;
      const committed = this.run().catch((err: unknown) => {
        this.opts.logger.error({ err }, 'collab: group commit failed unexpectedly');
        return false;
      });
      this.running = committed.then((ok) => {
        this.running = null;
        if (this.dirty.size > 0) {
          this.schedule(ok ? (collabTuning.commitWindowMs ?? this.opts.batchDelayMs) : Math.min(100 * 2 ** this.failures, MAX_BACKOFF_MS));
        }
        this.pump();
      });
    }
  }

  /** One group commit; false when the database refused it. */
  private async run(): Promise<boolean> {
    const targets = [...this.dirty];
    this.dirty.clear();
    const batch = targets.map((t) => ({ target: t, entries: t.pending.filter((e) => !e.stored) }));
    let ok = true;
    const timed = stageTimesOn();
    for (const chunk of chunkRows(batch)) {
      const started = performance.now();
      if (timed) for (const { entry } of chunk) if (!entry.checkpoint) recordStage('queue_wait', started - entry.receivedAt);
      const segment = this.opts.journal.begin();
      this.opts.journal.noteWriting(segment, new Set(chunk.map((c) => c.name)));
      try {
        const rows = chunk.map(({ entry, name }) => toRow(name, entry));
        const sending = timed ? performance.now() : 0;
        if (timed) recordStage('encode', sending - started);
        await this.store.append(segment, rows);
        if (timed) recordStage('db_round_trip', performance.now() - sending);
        for (const { entry } of chunk) {
          entry.stored = true;
          entry.segment = segment;
        }
        this.opts.onWrite?.((performance.now() - started) / 1000, updateRows(chunk), true);
      } catch (err) {
        ok = false;
        this.opts.onWrite?.((performance.now() - started) / 1000, updateRows(chunk), false);
        this.opts.logger.warn({ err, rows: chunk.length }, 'collab: storing updates failed; keeping them in memory');
        break;
      } finally {
        this.opts.journal.end(segment);
      }
    }
    const ackStarted = timed ? performance.now() : 0;
    for (const { target } of batch) {
      let n = 0;
      while (n < target.pending.length && target.pending[n]!.stored) n++;
      const stored = target.pending.splice(0, n);
      if (stored.length > 0) target.onStored(stored);
      if (target.pending.length > 0) this.dirty.add(target);
    }
    if (timed) recordStage('ack', performance.now() - ackStarted);
    this.setHealthy(ok);
    this.failures = ok ? 0 : this.failures + 1;
    if (ok) this.prepareNextSegment();
    return ok;
  }

  /** Creates the journal's next segment between commits (the first append would otherwise). */
  private prepareNextSegment(): void {
    const prepare = this.store.prepareSegment?.bind(this.store);
    const next = prepare && collabTuning.prepareSegments ? this.opts.journal.upcoming(SEGMENT_LEAD_MS) : null;
    if (!prepare || !next || next === this.prepared) return;
    this.prepared = next;
    this.exclusive(() => prepare(next)).catch((err: unknown) =>
      this.opts.logger.debug({ err }, 'collab: creating the next journal segment failed'),
    );
  }

  private setHealthy(healthy: boolean): void {
    if (healthy === this.healthyNow) return;
    this.healthyNow = healthy;
    this.opts.logger.info({ healthy }, 'collab: database write health changed');
  }
}

function updateRows(chunk: { entry: PendingUpdate }[]): number {
  return chunk.reduce((n, { entry }) => (entry.checkpoint ? n : n + 1), 0);
}

function toRow(doc: string, entry: PendingUpdate): AppendRow {
  return { id: entry.id, doc, seq: entry.seq, data: entry.data, checkpoint: entry.checkpoint !== undefined };
}

function chunkRows(batch: { target: WriteTarget; entries: PendingUpdate[] }[]) {
  const chunks: { name: string; entry: PendingUpdate }[][] = [];
  let current: { name: string; entry: PendingUpdate }[] = [];
  let bytes = 0;
  for (const { target, entries } of batch) {
    for (const entry of entries) {
      if (current.length > 0 && bytes + entry.data.length > MAX_BATCH_BYTES) {
        chunks.push(current);
        current = [];
        bytes = 0;
      }
      current.push({ name: target.name, entry });
      bytes += entry.data.length;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
