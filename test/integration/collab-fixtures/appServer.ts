import { attachCollab, type CollabServer } from '../../../server/src/collab';
import { requestAuthenticator } from '../../../server/src/auth/sessionUser';
import { SessionStore } from '../../../server/src/auth/sessions';
import { createLogger } from '../../../server/src/platform/logger';
import { docAccess } from '../../../server/src/spaces/access';
import { startTestServer, type TestServer, type TestServerOptions } from '../../helpers/server';

export interface CollabTestServer extends TestServer {
  collab: CollabServer;
}

/**
 * The real Hearth server with its Yjs endpoint. Uses the app's own wiring when createHearth
 * exposes `collab`; until then attaches the module exactly as the app is meant to.
 */
export async function startCollabTestServer(opts: TestServerOptions = {}): Promise<CollabTestServer> {
  const server = await startTestServer(opts);
  const wired = (server.hearth as unknown as { collab?: CollabServer }).collab;
  if (wired) return { ...server, collab: wired };
  const sessions = new SessionStore({ secret: server.env.sessionSecret, secureCookies: false });
  const collab = attachCollab(server.hearth.httpServer, {
    logger: createLogger(server.env.logLevel),
    authenticate: requestAuthenticator(sessions),
    authorize: docAccess,
    events: server.hearth.events,
    publicOrigin: server.env.publicOrigin,
    limits: { maxFrameBytes: server.env.maxFrameBytes, maxDocumentBytes: server.env.maxDocBytes },
  });
  return {
    ...server,
    collab,
    async stop() {
      await collab.close();
      await server.stop();
    },
  };
}
