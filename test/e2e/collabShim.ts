// TEMPORARY: until createHearth attaches the Yjs endpoint itself, the browser tests attach it to
// their test server. It probes first (a wired server answers an anonymous upgrade with 401), so
// it never attaches twice; delete this file once the app wires `attachCollab`.
import http from 'node:http';
import { attachCollab } from '../../server/src/collab';
import { SessionStore } from '../../server/src/auth/sessions';
import { requestAuthenticator } from '../../server/src/auth/sessionUser';
import { docAccess } from '../../server/src/spaces/access';
import { createLogger } from '../../server/src/platform/logger';
import type { TestServer } from '../helpers/server';

function yjsAnswers(baseUrl: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request(`${baseUrl}/yjs/space:${'0'.repeat(24)}`, {
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'aGVhcnRoLXByb2JlLWtleQ==' },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode === 401 || res.statusCode === 403);
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(3000, () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

export async function ensureCollab(server: TestServer): Promise<(() => Promise<void>) | null> {
  if (await yjsAnswers(server.baseUrl)) return null;
  const sessions = new SessionStore({ secret: server.env.sessionSecret, secureCookies: server.env.secureCookies });
  const collab = attachCollab(server.hearth.httpServer, {
    logger: createLogger('silent'),
    authenticate: requestAuthenticator(sessions),
    authorize: docAccess,
    events: server.hearth.events,
    publicOrigin: server.baseUrl,
  });
  return () => collab.close();
}
