import { StatusWatchPayload, type StatusAck } from '@hearth/shared/socket';
import { describeZodError } from '../platform/errors';
import type { HearthEvents } from '../platform/events';
import type { Logger } from '../platform/logger';
import { currentActorId } from '../platform/requestActor';
import { guarded, logFailure } from '../realtime/guarded';
import { statusRoom } from '../realtime/rooms';
import type { HearthIo, HearthSocket } from '../realtime/socketServer';
import { StatusPusher } from './statusPusher';

/**
 * Live status of spaces over Socket.io (docs/realtime.md, "Live status"): a screen watches a
 * space, and after every change to consent, counsellor access, facilitation, membership,
 * invites or deletion requests each watcher gets their own `space:status`.
 */
export function registerStatusHandlers(pusher: StatusPusher, socket: HearthSocket, logger: Logger): void {
  socket.on(
    'status:watch',
    guarded(logger, 'status:watch', async (raw: unknown, ack: ((res: StatusAck) => void) | undefined) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const parsed = StatusWatchPayload.safeParse(raw);
      if (!parsed.success) return reply({ ok: false, error: { code: 'invalid_input', message: describeZodError(parsed.error) } });
      const { spaceId } = parsed.data;
      try {
        // Join first: a change landing while the status loads is then pushed, not missed.
        await socket.join(statusRoom(spaceId));
        const status = await pusher.watch(spaceId, socket.data.user.id);
        if (!status) {
          await socket.leave(statusRoom(spaceId));
          return reply({ ok: false, error: { code: 'not_found', message: 'No such space.' } });
        }
        reply({ ok: true, status });
      } catch (err) {
        logger.warn({ err, spaceId }, 'status watch failed');
        await socket.leave(statusRoom(spaceId));
        reply({ ok: false, error: { code: 'unavailable', message: 'Could not load the space; try again.' } });
      }
    }),
  );

  socket.on('status:unwatch', (raw) => {
    const parsed = StatusWatchPayload.safeParse(raw);
    if (parsed.success) logFailure(logger, 'status unwatch', socket.leave(statusRoom(parsed.data.spaceId)));
  });
}

/**
 * Follows the in-process events: every `space:changed` and every space-scoped
 * `access:changed` pushes the space's status, naming who acted when a request caused it.
 */
export function createLiveStatus(io: HearthIo, events: HearthEvents, logger: Logger) {
  const pusher = new StatusPusher(io, logger);
  const onSpace = ({ spaceId }: { spaceId: string }) => void pusher.push(spaceId, currentActorId());
  const onAccess = ({ spaceId }: { spaceId?: string }) => {
    if (spaceId) void pusher.push(spaceId, currentActorId());
  };
  const onDeleted = ({ spaceId }: { spaceId: string }) => void pusher.pushDeleted(spaceId, currentActorId());
  events.on('space:changed', onSpace);
  events.on('access:changed', onAccess);
  events.on('space:deleted', onDeleted);
  return {
    pusher,
    register: (socket: HearthSocket) => registerStatusHandlers(pusher, socket, logger),
    stop() {
      events.off('space:changed', onSpace);
      events.off('access:changed', onAccess);
      events.off('space:deleted', onDeleted);
    },
  };
}
