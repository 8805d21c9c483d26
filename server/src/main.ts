import './platform/v8HeapTuned';
import { createHearth } from './app';
import { openDatabase } from './platform/db/database';
import { DatabaseUnavailableError } from './platform/db/ferretdbBinary';
import { ConfigError, loadEnv } from './platform/env';
import { freePort } from './platform/freePort';
import { createMongoCollabStore } from './collab';
import { sweepOrphanedSpaceData } from './privacy/orphanSweep';
import { createStoredDocs } from './privacy/storedDocs';
import { scheduleRetention } from './privacy/retention';
import { createLogger } from './platform/logger';
import { installProcessGuards } from './platform/processGuards';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
    // PORT=0 without PUBLIC_ORIGIN: the accepted origins name the port, so choose it now
    // (listening on 0 would leave the printed URL's own origin refused).
    if (env.port === 0 && !process.env.PUBLIC_ORIGIN) env = loadEnv({ ...process.env, PORT: String(await freePort(env.host)) });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(env.logLevel);
  let shutdown: ((reason: string, code: number) => Promise<void>) | null = null;
  installProcessGuards({ logger, shutdown: () => shutdown });

  let db;
  try {
    db = await openDatabase({ mongodbUri: env.mongodbUri, dataDir: env.dataDir, logger });
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(3);
    }
    throw err;
  }

  const collabStore = createMongoCollabStore();
  // A space deletion interrupted by a crash left data without a space: finish it now.
  await sweepOrphanedSpaceData({ logger, stored: createStoredDocs(collabStore) });

  const hearth = createHearth({ env, logger, collabStore });
  const port = await hearth.listen(env.port, env.host);
  // The retention schedule (docs/privacy.md); tests call sweepRetention directly instead.
  const stopRetention = scheduleRetention({
    logger,
    withDoc: (name, fn) => hearth.collab.withDoc(name, fn, 'retention'),
    stored: hearth.storedDocs,
    sweepSessions: () => hearth.sweepSessions(),
  });
  const shownHost = env.host === '127.0.0.1' || env.host === '0.0.0.0' ? 'localhost' : env.host;
  logger.info(`Hearth is running at http://${shownHost}:${port}`);
  process.stdout.write(`\n  Hearth is running at http://${shownHost}:${port}\n\n`);

  let stopping = false;
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      stopRetention();
      await hearth.close();
      await db.close();
      logger.flush();
      process.exit(code);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      logger.flush();
      process.exit(1);
    }
  };
  shutdown = stop;
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('SIGINT', () => void stop('SIGINT', 0));
}

main().catch((err: unknown) => {
  process.stderr.write(`Hearth failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
