import { Types } from 'mongoose';
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { Journal } from './journal';
import { WriteQueue, type PendingUpdate, type WriteTarget } from './writeQueue';

// The write lane: compaction writes and group commits never reach the database at the same
// time (the embedded database has one writer; a collision costs SQLite busy-handler sleeps).

function target(name: string): WriteTarget & { acked: number } {
  const t = {
    name,
    pending: [] as PendingUpdate[],
    acked: 0,
    onStored(entries: PendingUpdate[]) {
      t.acked += entries.length;
    },
  };
  return t;
}

function update(seq: number): PendingUpdate {
  return { id: new Types.ObjectId(), seq, data: new Uint8Array([seq]), origin: null, receivedAt: performance.now(), stored: false };
}

const tick = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

it('runs compaction writes between group commits, never during one, and stores everything', async () => {
  let inFlight = 0;
  let overlaps = 0;
  const write = async (ms: number) => {
    inFlight++;
    if (inFlight > 1) overlaps++;
    await tick(ms);
    inFlight--;
  };
  const queue = new WriteQueue(
    { append: () => write(5) },
    { logger: pino({ level: 'silent' }), journal: new Journal(10_000), batchDelayMs: 1 },
  );
  const doc = target('space:a1a1a1a1a1a1a1a1a1a1a1a1');
  const jobs: Promise<string>[] = [];
  for (let i = 1; i <= 40; i++) {
    doc.pending.push(update(i));
    queue.enqueue(doc);
    if (i % 5 === 0) jobs.push(queue.exclusive(() => write(3).then(() => `job ${i}`)));
    await tick(1);
  }
  expect(await Promise.all(jobs)).toEqual([5, 10, 15, 20, 25, 30, 35, 40].map((i) => `job ${i}`));
  expect(await queue.drain(5000)).toBe(true);
  expect(doc.acked).toBe(40);
  expect(overlaps).toBe(0);
});

it('passes a failed job on to its caller and keeps committing', async () => {
  const queue = new WriteQueue(
    { append: () => tick(1) },
    { logger: pino({ level: 'silent' }), journal: new Journal(10_000), batchDelayMs: 1 },
  );
  const doc = target('space:b1b1b1b1b1b1b1b1b1b1b1b1');
  await expect(queue.exclusive(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
  doc.pending.push(update(1));
  queue.enqueue(doc);
  expect(await queue.drain(5000)).toBe(true);
  expect(doc.acked).toBe(1);
});
