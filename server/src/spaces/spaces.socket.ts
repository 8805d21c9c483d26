import { SpaceJoinPayload } from '@hearth/shared/socket';
import { describeZodError } from '../platform/errors';
import type { Logger } from '../platform/logger';
import { guarded } from '../realtime/guarded';
import { spaceRoom } from '../realtime/rooms';
import type { HearthSocket } from '../realtime/socketServer';
import { effectiveRole } from './counsellorAccess';
import { loadSpace } from './access';

/**
 * A member's socket joins the space's room, where `space:changed` and `space:access-revoked`
 * are sent. Who is online and where is not kept here: it travels in each document's awareness,
 * stamped by the collab server with the session's identity.
 */
export function registerSpaceRoomHandlers(socket: HearthSocket, logger: Logger): void {
  socket.on(
    'space:join',
    guarded(logger, 'space:join', async (raw, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const parsed = SpaceJoinPayload.safeParse(raw);
      if (!parsed.success) return reply({ ok: false, error: { code: 'invalid_input', message: describeZodError(parsed.error) } });
      const { spaceId } = parsed.data;
      const space = await loadSpace(spaceId).catch(() => null);
      const role = space && effectiveRole(space, socket.data.user.id);
      if (!role) return reply({ ok: false, error: { code: 'not_found', message: 'No such space.' } });
      await socket.join(spaceRoom(spaceId));
      reply({ ok: true, role: role === 'partner' ? 'partner' : 'observer' });
    }),
  );

  socket.on(
    'space:leave',
    guarded(logger, 'space:leave', async (raw) => {
      const parsed = SpaceJoinPayload.safeParse(raw);
      if (!parsed.success) return;
      await socket.leave(spaceRoom(parsed.data.spaceId));
    }),
  );
}
