/**
 * `npx tsx bench/coldopen/rowShape.ts`: what reading journal-like rows costs on the embedded
 * database by row count and shape — 10,000 rows of the journal's shape (with and without the
 * load's filter and projection), of two fields, of one small field, and 10,000 updates' worth of
 * bytes in 200 rows (as an array of 50 binaries, or as one binary). Prints five timings (ms) of
 * each read after a warm-up. It showed that the cost is per row, not per byte
 * (docs/performance.md, "Cold open").
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { pino } from 'pino';
import { openDatabase } from '../../server/src/platform/db/database';

const N = 10_000;
const DOC = 'space:abcdefabcdefabcdefabcdef';
const logger = pino({ level: 'warn' });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-rowshape-'));
const db = await openDatabase({ mongodbUri: process.env.MONGODB_URI, dataDir, logger, dbName: 'rowshape' });
const conn = mongoose.connection.db!;
const data = Buffer.alloc(30, 7);
const all = { batchSize: 100_000 };

async function time(label: string, read: () => Promise<unknown>): Promise<void> {
  await read();
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await read();
    ms.push(performance.now() - t);
  }
  process.stdout.write(`${label}: ${ms.map((t) => t.toFixed(0)).join(' ')} ms\n`);
}

async function fill(name: string, rows: number, row: () => Record<string, unknown>) {
  const collection = conn.collection(name);
  for (let i = 0; i < rows; i += 500) await collection.insertMany(Array.from({ length: Math.min(500, rows - i) }, row));
  return collection;
}

let seq = 0;
const journal = await fill('journal', N, () => ({ _id: new Types.ObjectId(), doc: DOC, seq: ++seq, data, createdAt: new Date() }));
await time(`${N} journal rows, the load's filter and projection`, () =>
  journal.find({ doc: DOC }, all).project({ _id: 0, seq: 1, data: 1 }).toArray(),
);
await time(`${N} journal rows, everything`, () => journal.find({}, all).toArray());
const two = await fill('two', N, () => ({ _id: new Types.ObjectId(), data }));
await time(`${N} rows {_id, data}`, () => two.find({}, all).toArray());
const one = await fill('one', N, () => ({ _id: new Types.ObjectId(), n: 1 }));
await time(`${N} rows {_id, n}`, () => one.find({}, all).toArray());
const arrays = await fill('arrays', N / 50, () => ({ _id: new Types.ObjectId(), doc: DOC, data: Array.from({ length: 50 }, () => data) }));
await time(`${N / 50} rows of 50 binaries`, () => arrays.find({}, all).toArray());
const joined = await fill('joined', N / 50, () => ({ _id: new Types.ObjectId(), doc: DOC, data: Buffer.alloc(50 * 32, 7) }));
await time(`${N / 50} rows of one ${50 * 32}-byte binary`, () => joined.find({}, all).toArray());
await db.close();
process.exit(0);
