import { useEffect, useRef } from 'react';
import { getSocket } from '../../lib/socket';

/**
 * Joins the space's Socket.io room for the server's "space changed" / "access revoked"
 * signals (they only reach joined sockets); joins again after every reconnect.
 */
export function useSpaceRoom(spaceId: string, enabled: boolean, onSpaceChanged: () => void): void {
  const changed = useRef(onSpaceChanged);
  changed.current = onSpaceChanged;

  useEffect(() => {
    if (!enabled) return undefined;
    const socket = getSocket();
    const join = () => {
      socket.emit('space:join', { spaceId }, () => undefined);
    };
    const onChanged = (payload: { spaceId: string }) => {
      if (payload.spaceId === spaceId) changed.current();
    };
    join();
    socket.on('connect', join);
    socket.on('space:changed', onChanged);
    socket.on('space:access-revoked', onChanged);
    return () => {
      socket.emit('space:leave', { spaceId });
      socket.off('connect', join);
      socket.off('space:changed', onChanged);
      socket.off('space:access-revoked', onChanged);
    };
  }, [spaceId, enabled]);
}
