/**
 * `npx tsx bench/sync/rowsPerCommit.ts [--commits 400] [--rows 13]`: what a group commit costs on
 * the embedded database (real launcher and pragmas, fsync on every commit) by its shape: `rows`
 * journal rows of one update each, the same updates packed into one row, and a single row.
 * The shapes are alternated commit by commit; prints commit latency p50 / p99 / max per shape.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mongoose, { Types } from 'mongoose';
import { ensureFerretBinary } from '../../server/src/platform/db/ferretdbBinary';
import { startFerretDB } from '../../server/src/platform/db/ferretdbProcess';
import { percentile } from './processStats';

const { values } = parseArgs({ options: { commits: { type: 'string', default: '400' }, rows: { type: 'string', default: '13' } } });
const COMMITS = Number(values.commits);
const ROWS = Number(values.rows);

const db = await startFerretDB(await ensureFerretBinary(), mkdtempSync(path.join(os.tmpdir(), 'hearth-rows-')));
await mongoose.connect(`${db.uri}rows`);
const segment = mongoose.connection.collection('collab_journal_rows');
await segment.insertOne({ _id: new Types.ObjectId(), warm: true });
const update = (j: number, i: number) => ({ doc: `space:${j}`, seq: i, data: Buffer.alloc(40, 1) });
const shapes = {
  [`${ROWS} rows`]: (i: number) => Array.from({ length: ROWS }, (_, j) => ({ _id: new Types.ObjectId(), ...update(j, i) })),
  [`1 row of ${ROWS}`]: (i: number) => [{ _id: new Types.ObjectId(), updates: Array.from({ length: ROWS }, (_, j) => update(j, i)) }],
  '1 row of 1': (i: number) => [{ _id: new Types.ObjectId(), ...update(0, i) }],
};
const latencies = new Map<string, number[]>(Object.keys(shapes).map((k) => [k, []]));
for (let i = 0; i < COMMITS; i++) {
  for (const [shape, rows] of Object.entries(shapes)) {
    const started = performance.now();
    await segment.insertMany(rows(i), { ordered: false });
    latencies.get(shape)!.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 2));
  }
}
for (const [shape, l] of latencies) {
  l.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2);
  process.stdout.write(
    `${shape.padEnd(12)} commit ms p50 ${f(percentile(l, 50))} p99 ${f(percentile(l, 99))} max ${f(l[l.length - 1]!)} (n=${l.length})\n`,
  );
}
await mongoose.disconnect();
await db.stop();
