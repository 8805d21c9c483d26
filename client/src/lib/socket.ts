import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@hearth/shared/socket';

export type HearthSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: HearthSocket | null = null;

/**
 * The one Socket.io connection of this tab (same origin, session cookie). Created on first use
 * so pages that never need it (login) never open it.
 */
export function getSocket(): HearthSocket {
  if (!socket) {
    socket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
    // The server disconnects a socket whose access to a space ended; the tab's other spaces
    // (and the live status of all of them) still need the connection, so come back.
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') setTimeout(() => socket?.connect(), 250);
    });
  }
  return socket;
}

export function disconnectSocket(): void {
  socket?.disconnect();
  socket = null;
}
