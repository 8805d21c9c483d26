import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { createHearth, type Hearth } from '../../server/src/app';
import { openDatabase } from '../../server/src/platform/db/database';
import type { SupervisedDatabase } from '../../server/src/platform/db/supervisor';
import { loadEnv } from '../../server/src/platform/env';
import { createLogger } from '../../server/src/platform/logger';
import { freePort } from './server';

export interface HearthWithOwnDatabase {
  hearth: Hearth;
  baseUrl: string;
  wsBase: string;
  /** The supervised embedded FerretDB of this Hearth alone (safe to kill or stop). */
  database: SupervisedDatabase;
  stop(): Promise<void>;
}

/**
 * Hearth as `npm start` runs it: its own supervised embedded FerretDB under a fresh DATA_DIR,
 * for fault tests that kill or pause the database process (never the run's shared one).
 */
export async function startHearthWithOwnDatabase(): Promise<HearthWithOwnDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-owndb-'));
  const logger = createLogger((process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent');
  if (mongoose.connection.readyState !== 0) await mongoose.disconnect();
  const db = await openDatabase({ mongodbUri: undefined, dataDir, logger, dbName: 'hearth' });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = loadEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SESSION_SECRET: 's'.repeat(40),
    PUBLIC_ORIGIN: baseUrl,
    LOG_LEVEL: 'silent',
  });
  const hearth = createHearth({ env, logger });
  await hearth.listen(port, '127.0.0.1');
  return {
    hearth,
    baseUrl,
    wsBase: `ws://127.0.0.1:${port}/yjs`,
    database: db.embedded as SupervisedDatabase,
    async stop() {
      await hearth.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
