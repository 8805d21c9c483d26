/**
 * `npx tsx bench/sync/dbContention.ts [--rounds 3] [--commits 150]`: what a compaction-like
 * writer does to group-commit latency on the embedded database (the real launcher and
 * pragmas, fsync on every commit). Each round runs three phases of `commits` sequential
 * insertMany calls of 10 journal-sized rows: alone; with a concurrent writer (snapshot
 * insertOne into a new collection, then deleteMany, back to back) as before the write lane;
 * and with the same writer taking turns with the commits (the write lane). Prints commit
 * latency p50 / p99 / max per phase.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mongoose, { Types } from 'mongoose';
import { ensureFerretBinary } from '../../server/src/platform/db/ferretdbBinary';
import { startFerretDB } from '../../server/src/platform/db/ferretdbProcess';
import { percentile } from './processStats';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, commits: { type: 'string', default: '150' } } });
const ROUNDS = Number(values.rounds);
const COMMITS = Number(values.commits);

const db = await startFerretDB(await ensureFerretBinary(), mkdtempSync(path.join(os.tmpdir(), 'hearth-contention-')));
await mongoose.connect(`${db.uri}contention`);
const conn = mongoose.connection;
let snapshotSeq = 0;

/** One compaction's writes: a snapshot part into a fresh collection, then the replaced ones go. */
async function compactionLike(): Promise<void> {
  const collection = conn.collection(`collab_space_${(snapshotSeq++).toString(16).padStart(24, '0')}`);
  await collection.insertOne({ _id: new Types.ObjectId(), data: Buffer.alloc(8 * 1024, 7), createdAt: new Date() });
  await collection.deleteMany({ snapshotId: { $in: [new Types.ObjectId()] } });
}

/** A lock in the shape of the write lane: holders take turns in arrival order. */
let lane: Promise<void> = Promise.resolve();
function inLane<T>(fn: () => Promise<T>): Promise<T> {
  const run = lane.then(fn);
  lane = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

async function phase(mode: 'alone' | 'concurrent' | 'lane'): Promise<number[]> {
  const segment = conn.collection(`collab_journal_${mode}_${Date.now().toString(36)}`);
  await segment.insertOne({ _id: new Types.ObjectId(), warm: true });
  let stop = false;
  const background =
    mode === 'alone'
      ? Promise.resolve()
      : (async () => {
          while (!stop) await (mode === 'lane' ? inLane(compactionLike) : compactionLike());
        })();
  const latencies: number[] = [];
  for (let i = 0; i < COMMITS; i++) {
    const rows = Array.from({ length: 10 }, (_, j) => ({
      _id: new Types.ObjectId(),
      doc: `space:${j}`,
      seq: i,
      data: Buffer.alloc(40, 1),
      createdAt: new Date(),
    }));
    const started = performance.now();
    const write = () => segment.insertMany(rows, { ordered: false });
    await (mode === 'lane' ? inLane(write) : write());
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 2));
  }
  stop = true;
  await background;
  return latencies.sort((a, b) => a - b);
}

const results = new Map<string, number[]>();
for (let round = 1; round <= ROUNDS; round++) {
  for (const mode of ['alone', 'concurrent', 'lane'] as const) {
    const l = await phase(mode);
    results.set(mode, [...(results.get(mode) ?? []), ...l]);
    const f = (n: number) => n.toFixed(1);
    process.stdout.write(
      `round ${round} ${mode.padEnd(10)} commit ms p50 ${f(percentile(l, 50))} p99 ${f(percentile(l, 99))} max ${f(l[l.length - 1]!)}\n`,
    );
  }
}
for (const [mode, l] of results) {
  l.sort((a, b) => a - b);
  process.stdout.write(
    `all    ${mode.padEnd(10)} commit ms p50 ${percentile(l, 50).toFixed(1)} p99 ${percentile(l, 99).toFixed(1)} max ${l[l.length - 1]!.toFixed(1)} (n=${l.length})\n`,
  );
}
await mongoose.disconnect();
await db.stop();
