/**
 * `npm run bench:integrity -- [--races 100] [--kills 10]`
 * Longer campaigns than CI runs (results in docs/database.md):
 * 1. `--races` rounds of 20 simultaneous operations on one document against a FerretDB of its
 *    own: raw conditional update and $push (what the database does) and the same through
 *    Hearth's atomicWrite layer, plus inserts of one _id (what Hearth relies on).
 * 2. `--kills` rounds of kill -9 of only the database process under a Hearth server with a
 *    connected editor: every edit acknowledged before, during and after must be stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import mongoose, { Schema } from 'mongoose';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { decodeStateVectorMap, messageSaved, readSavedStateVector } from '@hearth/shared/realtime';
import { createHearth } from '../../server/src/app';
import { atomicWrite } from '../../server/src/platform/db/atomicWrite';
import { openDatabase } from '../../server/src/platform/db/database';
import type { SupervisedDatabase } from '../../server/src/platform/db/supervisor';
import { loadEnv } from '../../server/src/platform/env';
import { createLogger } from '../../server/src/platform/logger';
import { createMongoCollabStore } from '../../server/src/collab';

const collabStore = createMongoCollabStore();

const { values } = parseArgs({ options: { races: { type: 'string', default: '100' }, kills: { type: 'string', default: '10' } } });
const RACES = Number(values.races);
const KILLS = Number(values.kills);
const WAYS = 20;

const Race = mongoose.model('BenchRace', new Schema({ _id: String, v: Number, items: [Number] }, { versionKey: false }));

function range(): { min: number; max: number; add(n: number): void } {
  return {
    min: Infinity,
    max: -Infinity,
    add(n) {
      this.min = Math.min(this.min, n);
      this.max = Math.max(this.max, n);
    },
  };
}

async function races(): Promise<void> {
  const raw = mongoose.connection.db!.collection<{ _id: string; v?: number; items?: number[] }>('bench_raw');
  const r = { rawCond: range(), rawPush: range(), layerCond: range(), layerPush: range(), insert: range() };
  const ids = Array.from({ length: WAYS }, (_, i) => i);
  for (let t = 0; t < RACES; t++) {
    await raw.insertMany([
      { _id: `c${t}`, v: 0 },
      { _id: `p${t}`, items: [] },
    ]);
    const cond = await Promise.all(ids.map((n) => raw.updateOne({ _id: `c${t}`, v: 0 }, { $set: { v: n + 1 } })));
    r.rawCond.add(cond.reduce((s, x) => s + x.modifiedCount, 0));
    await Promise.all(ids.map((n) => raw.updateOne({ _id: `p${t}` }, { $push: { items: n } })));
    r.rawPush.add((await raw.findOne({ _id: `p${t}` }))!.items!.length);

    await Race.insertMany([
      { _id: `c${t}`, v: 0 },
      { _id: `p${t}`, items: [] },
    ]);
    const lc = await Promise.all(ids.map((n) => atomicWrite(Race, () => Race.updateOne({ _id: `c${t}`, v: 0 }, { $set: { v: n + 1 } }))));
    r.layerCond.add(lc.reduce((s, x) => s + x.modifiedCount, 0));
    await Promise.all(ids.map((n) => atomicWrite(Race, () => Race.updateOne({ _id: `p${t}` }, { $push: { items: n } }))));
    r.layerPush.add((await Race.findById(`p${t}`).lean())!.items.length);
    const ins = await Promise.allSettled(ids.map((n) => Race.create({ _id: `i${t}`, v: n })));
    r.insert.add(ins.filter((x) => x.status === 'fulfilled').length);
  }
  const show = (name: string, x: { min: number; max: number }, want: string) =>
    console.log(`  ${name.padEnd(44)} ${x.min}–${x.max}  (${want})`);
  console.log(`races: ${RACES} rounds × ${WAYS} simultaneous operations on one document`);
  show('raw conditional updateOne: documents modified', r.rawCond, 'must be 1');
  show('raw $push: elements kept', r.rawPush, `must be ${WAYS}`);
  show('atomicWrite conditional updateOne: modified', r.layerCond, 'must be 1');
  show('atomicWrite $push: elements kept', r.layerPush, `must be ${WAYS}`);
  show('insertOne of one _id: inserted', r.insert, 'must be 1');
}

async function request(base: string, cookie: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { origin: base, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = res.headers.getSetCookie()[0]?.split(';')[0] ?? cookie;
  return { status: res.status, body: (await res.json().catch(() => null)) as any, cookie: setCookie };
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

async function kills(db: SupervisedDatabase, dataDir: string): Promise<void> {
  const logger = createLogger('silent');
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const base = `http://127.0.0.1:${port}`;
  const env = loadEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SESSION_SECRET: 's'.repeat(40),
    PUBLIC_ORIGIN: base,
    LOG_LEVEL: 'silent',
  });
  const hearth = createHearth({ env, logger });
  await hearth.listen(port, '127.0.0.1');
  const signup = await request(base, '', 'POST', '/api/auth/signup', {
    email: `bench${Date.now()}@example.test`,
    password: 'correct horse battery',
    displayName: 'Bench',
  });
  const space = await request(base, signup.cookie, 'POST', '/api/spaces', { name: 'Bench' });
  const docName = `space:${space.body.space.id}`;
  const headers = { cookie: signup.cookie, origin: base };
  class HeaderWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/yjs`, docName, doc, {
    WebSocketPolyfill: HeaderWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  let stored = new Map<number, number>();
  provider.messageHandlers[messageSaved] = (_e, decoder: decoding.Decoder) => {
    stored = decodeStateVectorMap(readSavedStateVector(decoder));
  };
  const allSaved = () => (stored.get(doc.clientID) ?? 0) >= Y.getState(doc.store, doc.clientID);
  await waitFor(() => provider.synced);
  const text = doc.getText('bench');
  let acked = 0;
  const recoveries: number[] = [];
  const fastFails: number[] = [];
  for (let k = 0; k < KILLS; k++) {
    for (let i = 0; i < 20; i++) text.insert(text.length, `k${k}e${i};`);
    await waitFor(allSaved);
    acked += 20;
    const killedAt = Date.now();
    process.kill(db.process.pid!, 'SIGKILL');
    for (let i = 0; i < 20; i++) text.insert(text.length, `k${k}d${i};`);
    const started = Date.now();
    const me = await request(base, signup.cookie, 'GET', '/api/me');
    if (me.status === 503) fastFails.push(Date.now() - started);
    await waitFor(async () => (await request(base, signup.cookie, 'GET', '/api/me')).status === 200);
    await waitFor(allSaved);
    recoveries.push(Date.now() - killedAt);
    acked += 20;
  }
  const load = await collabStore.load(docName);
  const copy = new Y.Doc();
  for (const u of load.updates) Y.applyUpdate(copy, u);
  const storedText = copy.getText('bench').toString();
  const lost = text
    .toString()
    .split(';')
    .filter((e) => e && !storedText.includes(`${e};`)).length;
  provider.destroy();
  await hearth.close();
  recoveries.sort((a, b) => a - b);
  console.log(`kill -9 of only the database: ${KILLS} rounds, ${acked} acknowledged edits, ${lost} lost`);
  console.log(`  first API answer after the kill: 503 in ${fastFails.length}/${KILLS} rounds, slowest ${Math.max(...fastFails)} ms`);
  console.log(
    `  kill → everything acknowledged again: median ${recoveries[Math.floor(recoveries.length / 2)]} ms, worst ${recoveries.at(-1)} ms`,
  );
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-integrity-'));
const db = await openDatabase({ mongodbUri: undefined, dataDir, logger: createLogger('silent'), dbName: 'bench' });
try {
  await races();
  await kills(db.embedded as SupervisedDatabase, dataDir);
} finally {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
