import mongoose, { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atomicWrite, serializedWrites } from '../../server/src/platform/db/atomicWrite';
import { isFerretDB } from '../../server/src/platform/db/database';
import { connectTestDb, freshDbName } from '../helpers/database';

/**
 * Each claim of docs/database.md ("What the embedded database guarantees"), checked against
 * the real database of the run: 10 trials of 20 simultaneous operations on one document.
 */
const TRIALS = 10;
const WAYS = 20;

const Race = mongoose.model(
  'RaceDoc',
  new Schema({ _id: String, v: Number, items: [Number], n: Number }, { versionKey: false, strict: 'throw' }),
);

let ferret = false;
beforeAll(async () => {
  await connectTestDb(freshDbName('dbguarantees'));
  ferret = await isFerretDB();
});
afterAll(async () => {
  await mongoose.disconnect();
});

const raw = () => mongoose.connection.db!.collection<{ _id: string; v?: number; items?: number[]; n?: number }>('raw_race');
const ids = Array.from({ length: WAYS }, (_, i) => i);

describe('the database itself (no Hearth layer)', () => {
  it('an insert of one _id lets exactly one through (unique _id decides)', async () => {
    for (let t = 0; t < TRIALS; t++) {
      const _id = `insert-${t}`;
      const results = await Promise.allSettled(ids.map((n) => raw().insertOne({ _id, n })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await raw().countDocuments({ _id })).toBe(1);
    }
  });

  it('a unique compound index refuses every duplicate among simultaneous inserts', async () => {
    const coll = mongoose.connection.db!.collection('raw_unique');
    await coll.createIndex({ a: 1, b: 1 }, { unique: true });
    for (let t = 0; t < TRIALS; t++) {
      const results = await Promise.allSettled(ids.map((n) => coll.insertOne({ a: t, b: 'x', n })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    }
  });

  it('on FerretDB a unique index does not treat a missing field as a value (MongoDB does: null)', async () => {
    const coll = mongoose.connection.db!.collection('raw_missing');
    await coll.createIndex({ key: 1 }, { unique: true });
    const second = await coll.insertMany([{ n: 1 }, { n: 2 }]).then(
      () => 'inserted',
      () => 'duplicate',
    );
    expect(second).toBe(ferret ? 'inserted' : 'duplicate');
  });

  it('on FerretDB a conditional update is NOT exactly-once: some trial modifies the document more than once', async (ctx) => {
    if (!ferret) ctx.skip();
    let worst = 0;
    for (let t = 0; t < TRIALS; t++) {
      const _id = `cond-${t}`;
      await raw().insertOne({ _id, v: 0 });
      const results = await Promise.all(ids.map((n) => raw().updateOne({ _id, v: 0 }, { $set: { v: n + 1 } })));
      worst = Math.max(
        worst,
        results.reduce((sum, r) => sum + r.modifiedCount, 0),
      );
    }
    expect(worst).toBeGreaterThan(1);
  });

  it('on FerretDB simultaneous $push to one array loses elements', async (ctx) => {
    if (!ferret) ctx.skip();
    let fewest = WAYS;
    for (let t = 0; t < TRIALS; t++) {
      const _id = `push-${t}`;
      await raw().insertOne({ _id, items: [] });
      await Promise.all(ids.map((n) => raw().updateOne({ _id }, { $push: { items: n } })));
      fewest = Math.min(fewest, (await raw().findOne({ _id }))!.items!.length);
    }
    expect(fewest).toBeLessThan(WAYS);
  });

  it('simultaneous upserts of one _id create exactly one document (losers fail with a duplicate key or update it)', async () => {
    for (let t = 0; t < TRIALS; t++) {
      const _id = `upsert-${t}`;
      const results = await Promise.allSettled(ids.map((n) => raw().updateOne({ _id }, { $setOnInsert: { n } }, { upsert: true })));
      const upserted = results.filter((r) => r.status === 'fulfilled' && r.value.upsertedCount === 1);
      expect(upserted).toHaveLength(1);
      expect(await raw().countDocuments({ _id })).toBe(1);
    }
  });
});

describe("through Hearth's atomicWrite layer", () => {
  it('is on for FerretDB and off for MongoDB', () => {
    expect(serializedWrites()).toBe(ferret);
  });

  it('a conditional update of one document is applied exactly once', async () => {
    for (let t = 0; t < TRIALS; t++) {
      const _id = `layer-cond-${t}`;
      await Race.create({ _id, v: 0 });
      const results = await Promise.all(ids.map((n) => atomicWrite(Race, () => Race.updateOne({ _id, v: 0 }, { $set: { v: n + 1 } }))));
      expect(results.reduce((sum, r) => sum + r.modifiedCount, 0)).toBe(1);
    }
  });

  it('simultaneous $push and $inc keep every change', async () => {
    for (let t = 0; t < TRIALS; t++) {
      const _id = `layer-push-${t}`;
      await Race.create({ _id, items: [], n: 0 });
      await Promise.all(ids.map((n) => atomicWrite(Race, () => Race.updateOne({ _id }, { $push: { items: n }, $inc: { n: 1 } }))));
      const doc = await Race.findById(_id).lean();
      expect(doc!.items).toHaveLength(WAYS);
      expect(doc!.n).toBe(WAYS);
    }
  });

  it('a conditional findOneAndUpdate hands the document to exactly one caller', async () => {
    for (let t = 0; t < TRIALS; t++) {
      const _id = `layer-claim-${t}`;
      await Race.create({ _id, v: 0 });
      const results = await Promise.all(
        ids.map((n) => atomicWrite(Race, () => Race.findOneAndUpdate({ _id, v: 0 }, { $set: { v: n + 1 } }).lean())),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    }
  });

  it('an insert of one _id lets exactly one through', async () => {
    for (let t = 0; t < TRIALS; t++) {
      const _id = `layer-insert-${t}`;
      const results = await Promise.allSettled(ids.map((n) => Race.create({ _id, n })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    }
  });
});
