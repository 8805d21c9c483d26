import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { WebSocket, WebSocketServer } from 'ws';
import { parseDocName, type ParsedDocName } from '@hearth/shared/realtime';
import type { ErrorCode } from '@hearth/shared/errors';
import type { CollabHooks } from './hooks';
import type { CollabGrant, CollabSettings, CollabUser } from './types';

export const YJS_PATH_PREFIX = '/yjs/';

export interface AcceptedUpgrade {
  ws: WebSocket;
  docName: string;
  parsed: ParsedDocName;
  user: CollabUser;
  grant: CollabGrant;
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 503: 'Service Unavailable' };

/**
 * Decides an upgrade on `/yjs/<docName>` before any WebSocket exists: foreign Origin or an
 * unknown/forbidden document → 403, no session → 401, written as plain HTTP on the socket.
 * Other paths are left to their owners (Socket.io) untouched.
 */
export function createUpgradeHandler(
  deps: Pick<CollabHooks, 'authenticate' | 'authorize' | 'onClosed'> & Pick<CollabSettings, 'publicOrigin' | 'allowedOrigins'>,
  wss: WebSocketServer,
  logger: Logger,
  isOpen: () => boolean,
  onAccepted: (accepted: AcceptedUpgrade) => void,
) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = req.url ?? '';
    if (!url.startsWith(YJS_PATH_PREFIX)) return;
    socket.on('error', (err) => logger.debug({ err }, 'collab: upgrade socket error'));
    void decide(req)
      .then((decision) => {
        if ('status' in decision) return refuse(socket, decision.status, decision.code);
        const access = { user: decision.user, parsed: decision.parsed, grant: decision.grant };
        // The client went away while it was being authorized (a page that re-mounted): what
        // `authorize` opened (an access-log entry) is closed again, as for any connection.
        if (socket.destroyed || !socket.writable) {
          deps.onClosed?.(access);
          return void socket.destroy();
        }
        if (!isOpen()) {
          deps.onClosed?.(access);
          return refuse(socket, 503, 'unavailable');
        }
        wss.handleUpgrade(req, socket, head, (ws) => onAccepted({ ws, ...decision }));
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'collab: upgrade failed');
        refuse(socket, 503, 'unavailable');
      });
  };

  async function decide(req: IncomingMessage): Promise<Omit<AcceptedUpgrade, 'ws'> | { status: number; code: ErrorCode }> {
    const origin = req.headers.origin;
    if (origin !== undefined && !(deps.allowedOrigins ?? [deps.publicOrigin]).includes(origin)) return { status: 403, code: 'bad_origin' };
    const user = await deps.authenticate(req);
    if (!user) return { status: 401, code: 'unauthenticated' };
    const docName = docNameFromUrl(req.url ?? '');
    const parsed = docName === null ? null : parseDocName(docName);
    if (!parsed || docName === null) return { status: 403, code: 'forbidden' };
    const grant = await deps.authorize(user, parsed);
    if (!grant) return { status: 403, code: 'forbidden' };
    return { docName, parsed, user, grant };
  }
}

function docNameFromUrl(url: string): string | null {
  const path = url.slice(YJS_PATH_PREFIX.length).split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function refuse(socket: Duplex, status: number, code: ErrorCode): void {
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify({ error: { code, message: STATUS_TEXT[status] ?? 'Refused' } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Refused'}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
