import type { CollabServer } from '../../../server/src/collab';
import { startTestServer, type TestServer, type TestServerOptions } from '../../helpers/server';

export interface CollabTestServer extends TestServer {
  collab: CollabServer;
}

/** The real Hearth server with its Yjs endpoint (`hearth.collab`). */
export async function startCollabTestServer(opts: TestServerOptions = {}): Promise<CollabTestServer> {
  const server = await startTestServer(opts);
  return { ...server, collab: server.hearth.collab };
}
