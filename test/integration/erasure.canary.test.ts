import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docNameOf } from '@hearth/shared/realtime';
import { createHearth, type Hearth } from '../../server/src/app';
import { connectMongoose } from '../../server/src/platform/db/database';
import { ensureFerretBinary } from '../../server/src/platform/db/ferretdbBinary';
import { startFerretDB, type EmbeddedDatabase } from '../../server/src/platform/db/ferretdbProcess';
import { loadEnv } from '../../server/src/platform/env';
import { createLogger } from '../../server/src/platform/logger';
import { BoardVersion } from '../../server/src/versions/version.model';
import { ApiClient } from '../helpers/api';
import { freePort } from '../helpers/server';
import { actor, addExperience, compactStoredDoc } from './privacy-fixtures/boardDocs';
import { createMongoCollabStore } from '../../server/src/collab';
import { createStoredDocs } from '../../server/src/privacy/storedDocs';

const collabStore = createMongoCollabStore();
const { readStoredDoc } = createStoredDocs(collabStore);

// This file runs its own FerretDB, so the raw files searched hold this test's data only.
let db: EmbeddedDatabase;
let dataDir: string;
let hearth: Hearth;
let baseUrl: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-canary-'));
  db = await startFerretDB(await ensureFerretBinary(), dataDir);
  if (mongoose.connection.readyState !== 0) await mongoose.disconnect();
  await connectMongoose(`${db.uri}hearth`);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env = loadEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    MONGODB_URI: `${db.uri}hearth`,
    DATA_DIR: dataDir,
    SESSION_SECRET: 'canary-test-session-secret-0123456789abcdef',
    PUBLIC_ORIGIN: baseUrl,
    LOG_LEVEL: 'silent',
  });
  hearth = createHearth({ env, logger: createLogger(env.logLevel) });
  await hearth.listen(port, '127.0.0.1');
});

afterAll(async () => {
  await hearth?.close();
  await mongoose.disconnect();
  await db?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The canary as raw bytes, and base64 at each byte alignment (binary is stored as base64 text). */
function needles(canary: string): Buffer[] {
  const raw = Buffer.from(canary);
  const out = [raw];
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift), raw]).toString('base64');
    out.push(Buffer.from(b64.slice(Math.ceil((shift * 4) / 3) + 1, b64.length - 4)));
  }
  return out;
}

/** Every file under the data directory that holds the canary in any of its encodings. */
function filesContaining(canary: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (needles(canary).some((n) => readFileSync(file).includes(n))) found.push(path.relative(dataDir, file));
    }
  };
  walk(dataDir);
  return found;
}

describe('account erasure leaves no bytes behind', () => {
  it('removes a private canary (update log and snapshot) and the email from the raw database files', async () => {
    const canary = `CANARY${randomBytes(12).toString('hex')}`;
    const emailCanary = `canary${randomBytes(6).toString('hex')}@example.test`;
    const alex = new ApiClient(baseUrl);
    const sam = new ApiClient(baseUrl);
    await alex.signup('Alex', emailCanary);
    await sam.signup('Sam');
    const space = await alex.createSpace('Alex & Sam');
    await sam.accept((await alex.invite(space.id, 'partner')).token);
    const a = alex.user!.id;
    const partners = [a, sam.user!.id];
    const privateDoc = docNameOf({ kind: 'private', spaceId: space.id, userId: a });

    // The canary lands in a snapshot (compaction) and again in the update log after it.
    await addExperience(privateDoc, actor(a, partners), `${canary} one`);
    await compactStoredDoc(privateDoc);
    await addExperience(privateDoc, actor(a, partners), `${canary} two`);
    const before = await readStoredDoc(privateDoc);
    expect(JSON.stringify(before.getMap('items').toJSON())).toContain(`${canary} two`);
    before.destroy();
    // …and in a version of the board (the daily snapshot).
    await hearth.sweepVersions(new Date(Date.now() + 1000));
    expect(await BoardVersion.countDocuments({ docName: privateDoc })).toBe(1);
    // Shared work by Alex stays for Sam.
    await addExperience(docNameOf({ kind: 'couple', spaceId: space.id }), actor(a, partners), 'our trip');

    expect(filesContaining(canary).length).toBeGreaterThan(0);
    expect(filesContaining(emailCanary).length).toBeGreaterThan(0);

    expect((await alex.delete('/api/me', { password: 'correct horse battery' })).status).toBe(204);

    expect(filesContaining(canary)).toEqual([]);
    expect(filesContaining(emailCanary)).toEqual([]);
    const couple = (await sam.get(`/api/spaces/${space.id}/export`)).body.boards.find((b: any) => b.visibility === 'couple');
    expect(couple.items.map((i: any) => i.title)).toEqual(['our trip']);
  });
});

describe('space erasure removes versions too', () => {
  it('a canary that got into a version of a shared board is gone from the raw files after the space is deleted', async () => {
    const canary = `CANARY${randomBytes(12).toString('hex')}`;
    const alex = new ApiClient(baseUrl);
    const sam = new ApiClient(baseUrl);
    await alex.signup('Alex');
    await sam.signup('Sam');
    const space = await alex.createSpace('Alex & Sam');
    await sam.accept((await alex.invite(space.id, 'partner')).token);
    const partners = [alex.user!.id, sam.user!.id];
    const couple = docNameOf({ kind: 'couple', spaceId: space.id });
    await addExperience(couple, actor(partners[0]!, partners), `${canary} trip`);
    await hearth.sweepVersions(new Date(Date.now() + 1000));
    expect(await BoardVersion.countDocuments({ docName: couple })).toBe(1);
    expect(filesContaining(canary).length).toBeGreaterThan(0);

    expect((await alex.delete(`/api/spaces/${space.id}`)).status).toBe(202);
    expect((await sam.delete(`/api/spaces/${space.id}`)).status).toBe(204);

    expect(await BoardVersion.countDocuments({ spaceId: space.id })).toBe(0);
    expect(filesContaining(canary)).toEqual([]);
  });
});
