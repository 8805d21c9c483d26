import { useCallback, useEffect, useRef, useState } from 'react';
import type { PresencePerson, PresenceUpdatePayload } from '@hearth/shared/socket';

type PresenceSection = PresenceUpdatePayload['section'];
import { getSocket } from '../../lib/socket';

/**
 * Joins the space's Socket.io room: who is online and on which part of the board, plus the
 * server's "space changed" / "access revoked" signals (which only reach joined sockets).
 */
export function useSpacePresence(spaceId: string, enabled: boolean, onSpaceChanged: () => void) {
  const [people, setPeople] = useState<PresencePerson[]>([]);
  const changed = useRef(onSpaceChanged);
  changed.current = onSpaceChanged;
  const last = useRef('');

  useEffect(() => {
    if (!enabled) return undefined;
    const socket = getSocket();
    const join = () => {
      last.current = '';
      socket.emit('presence:join', { spaceId }, (res) => {
        if (res.ok) setPeople(res.presence.people);
      });
    };
    const onState = (state: { spaceId: string; people: PresencePerson[] }) => {
      if (state.spaceId === spaceId) setPeople(state.people);
    };
    const onChanged = (payload: { spaceId: string }) => {
      if (payload.spaceId === spaceId) changed.current();
    };
    join();
    socket.on('connect', join);
    socket.on('presence:state', onState);
    socket.on('space:changed', onChanged);
    socket.on('space:access-revoked', onChanged);
    return () => {
      socket.emit('presence:leave', { spaceId });
      socket.off('connect', join);
      socket.off('presence:state', onState);
      socket.off('space:changed', onChanged);
      socket.off('space:access-revoked', onChanged);
      setPeople([]);
    };
  }, [spaceId, enabled]);

  /** Tells the others which section this person is on (never which item); sent only when it changes. */
  const reportWhere = useCallback(
    (section: PresenceSection) => {
      if (!enabled || section === last.current) return;
      last.current = section;
      getSocket().emit('presence:update', { spaceId, section });
    },
    [spaceId, enabled],
  );

  return { people, reportWhere };
}
