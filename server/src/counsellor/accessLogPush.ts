import type { HearthEvents } from '../platform/events';
import type { Logger } from '../platform/logger';
import { userRoom } from '../realtime/rooms';
import type { HearthIo } from '../realtime/socketServer';

/**
 * Every entry written to a space's access log reaches its partners' screens at once
 * (`space:access-logged`), so the log they read shows a counsellor's visit as it starts and
 * as it ends. Only the partners are told: they alone may read the log. With the Redis
 * adapter the event reaches their sockets on every node.
 */
export function pushAccessLogChanges(
  io: HearthIo,
  events: HearthEvents,
  partnersOf: (spaceId: string) => Promise<string[]>,
  logger: Logger,
): () => void {
  const onRecorded = ({ spaceId }: { spaceId: string }) => {
    partnersOf(spaceId)
      .then((partners) => {
        if (partners.length > 0) io.to(partners.map(userRoom)).emit('space:access-logged', { spaceId });
      })
      .catch((err: unknown) => logger.warn({ err, spaceId }, 'access log change not pushed'));
  };
  events.on('audit:recorded', onRecorded);
  return () => events.off('audit:recorded', onRecorded);
}
