/**
 * The Hearth server as its own process, for crash tests: `tsx serverProcess.ts` with PORT,
 * DATA_DIR (embedded database inside), SESSION_SECRET, PUBLIC_ORIGIN. Prints
 * `READY <port> <databasePid>` once listening, so a test can kill -9 both.
 */
import { createHearth } from '../../../server/src/app';
import { openDatabase } from '../../../server/src/platform/db/database';
import { loadEnv } from '../../../server/src/platform/env';
import { createLogger } from '../../../server/src/platform/logger';

const env = loadEnv();
const logger = createLogger(env.logLevel);
const db = await openDatabase({ mongodbUri: env.mongodbUri, dataDir: env.dataDir, logger });
const hearth = createHearth({ env, logger });
const port = await hearth.listen(env.port, env.host);
process.stdout.write(`READY ${port} ${db.embedded?.process.pid ?? 0}\n`);
