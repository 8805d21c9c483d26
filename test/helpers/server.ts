import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHearth, type AppDeps, type Hearth } from '../../server/src/app';
import { loadEnv, type Env } from '../../server/src/platform/env';
import { createLogger } from '../../server/src/platform/logger';
import { connectTestDb, freshDbName } from './database';

export interface TestServer {
  hearth: Hearth;
  env: Env;
  /** http://127.0.0.1:<port> — also the server's PUBLIC_ORIGIN. */
  baseUrl: string;
  /** ws://127.0.0.1:<port>/yjs — the y-websocket serverUrl. */
  wsBase: string;
  dbName: string;
  mongoUri: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Reuse a database (and data dir) to simulate a restart; default: a fresh one. */
  dbName?: string;
  dataDir?: string;
  env?: Record<string, string>;
  /** Exercise test hooks (an injected clock, …). */
  exercises?: AppDeps['exercises'];
  /** Reminder test hooks (an injected clock; `intervalMs: 0` for passes run by the test). */
  reminders?: AppDeps['reminders'];
}

// Fixed per worker so a restarted server accepts the cookies of the previous one.
const SECRET = 'test-session-secret-that-is-long-enough-0123456789';

/** Starts the real Hearth server (HTTP, Socket.io, Yjs) on a free loopback port. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dbName = opts.dbName ?? freshDbName();
  const mongoUri = await connectTestDb(dbName);
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'hearth-test-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = loadEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    MONGODB_URI: mongoUri,
    DATA_DIR: dataDir,
    SESSION_SECRET: SECRET,
    PUBLIC_ORIGIN: baseUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...opts.env,
  });
  const hearth = createHearth({ env, logger: createLogger(env.logLevel), exercises: opts.exercises, reminders: opts.reminders });
  await hearth.listen(port, '127.0.0.1');
  return {
    hearth,
    env,
    baseUrl,
    wsBase: `ws://127.0.0.1:${port}/yjs`,
    dbName,
    mongoUri,
    dataDir,
    stop: () => hearth.close(),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
