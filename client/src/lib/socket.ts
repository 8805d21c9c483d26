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
  }
  return socket;
}

export function disconnectSocket(): void {
  socket?.disconnect();
  socket = null;
}
