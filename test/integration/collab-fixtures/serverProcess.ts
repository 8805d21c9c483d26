/**
 * The Hearth server as its own process, for crash tests: `tsx serverProcess.ts` with PORT,
 * DATA_DIR (embedded database inside), SESSION_SECRET, PUBLIC_ORIGIN. Prints
 * `READY <port> <databasePid>` once listening, so a test can kill -9 both.
 */
import { createHearth } from '../../../server/src/app';
import { attachCollab, type CollabServer } from '../../../server/src/collab';
import { requestAuthenticator } from '../../../server/src/auth/sessionUser';
import { SessionStore } from '../../../server/src/auth/sessions';
import { openDatabase } from '../../../server/src/platform/db/database';
import { loadEnv } from '../../../server/src/platform/env';
import { createLogger } from '../../../server/src/platform/logger';
import { docAccess } from '../../../server/src/spaces/access';

const env = loadEnv();
const logger = createLogger(env.logLevel);
const db = await openDatabase({ mongodbUri: env.mongodbUri, dataDir: env.dataDir, logger });
const hearth = createHearth({ env, logger });
// Until the app wires the Yjs endpoint itself, attach it the way the app will.
if (!(hearth as unknown as { collab?: CollabServer }).collab) {
  attachCollab(hearth.httpServer, {
    logger,
    authenticate: requestAuthenticator(new SessionStore({ secret: env.sessionSecret, secureCookies: false })),
    authorize: docAccess,
    events: hearth.events,
    publicOrigin: env.publicOrigin,
  });
}
const port = await hearth.listen(env.port, env.host);
process.stdout.write(`READY ${port} ${db.embedded?.process.pid ?? 0}\n`);
