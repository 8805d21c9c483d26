import {
  PresenceJoinPayload,
  PresenceUpdatePayload,
  type PresenceAck,
  type PresencePerson,
  type PresenceState,
} from '@hearth/shared/socket';
import mongoose from 'mongoose';
import { describeZodError } from '../platform/errors';
import type { HearthEvents } from '../platform/events';
import type { Logger } from '../platform/logger';
import { trusted } from '../platform/db/trusted';
import { AccountSettingsModel } from '../auth/accountSettings.model';
import { effectiveRole } from '../spaces/counsellorAccess';
import { loadSpace } from '../spaces/access';
import { Space } from '../spaces/space.model';
import { guarded } from '../realtime/guarded';
import { spaceRoom } from '../realtime/rooms';
import type { HearthIo, HearthSocket } from '../realtime/socketServer';

/** People who chose "appear offline": they are left out of every presence state. */
async function hiddenAmong(userIds: string[]): Promise<Set<string>> {
  const ids = userIds.filter((id) => mongoose.isValidObjectId(id));
  if (ids.length === 0) return new Set();
  const rows = await AccountSettingsModel.find({ _id: trusted({ $in: ids }), appearOffline: true }, { _id: 1 }).lean();
  return new Set(rows.map((r) => r._id.toString()));
}

/**
 * Who is online in a space and which board section each person is on. Deliberately nothing
 * more: no item ids (an "only me" item's id must never reach anyone else) and no count of
 * tabs or devices. The state lives on the sockets (`socket.data.presence`), so
 * `fetchSockets()` sees every node's sockets when the Redis adapter is on.
 */
export async function presenceOf(io: HearthIo, spaceId: string): Promise<PresenceState> {
  const sockets = await io.in(spaceRoom(spaceId)).fetchSockets();
  const hidden = await hiddenAmong([...new Set(sockets.map((s) => s.data.user.id))]);
  const people = new Map<string, PresencePerson>();
  for (const s of sockets) {
    const p = s.data.presence?.[spaceId];
    if (!p || hidden.has(s.data.user.id)) continue;
    const existing = people.get(s.data.user.id);
    if (existing) {
      if (p.section) existing.section = p.section;
      continue;
    }
    people.set(s.data.user.id, { userId: s.data.user.id, displayName: s.data.user.displayName, role: p.role, section: p.section });
  }
  return { spaceId, people: [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)) };
}

function broadcaster(io: HearthIo, logger: Logger) {
  return (spaceId: string) => {
    presenceOf(io, spaceId)
      .then((state) => io.to(spaceRoom(spaceId)).emit('presence:state', state))
      .catch((err: unknown) => logger.warn({ err, spaceId }, 'presence broadcast failed'));
  };
}

/** "Appear offline" changed: every space of that person gets its presence again. */
export function watchPresenceSettings(io: HearthIo, events: HearthEvents, logger: Logger): () => void {
  const broadcast = broadcaster(io, logger);
  const listener = ({ userId }: { userId: string }) => {
    Space.find({ memberIds: userId }, { _id: 1 })
      .lean()
      .then((spaces) => spaces.forEach((s) => broadcast(s._id.toString())))
      .catch((err: unknown) => logger.warn({ err }, 'presence refresh failed'));
  };
  events.on('presence:changed', listener);
  return () => events.off('presence:changed', listener);
}

export function registerPresenceHandlers(io: HearthIo, socket: HearthSocket, logger: Logger): void {
  const broadcast = broadcaster(io, logger);

  socket.on(
    'presence:join',
    guarded(logger, 'presence:join', async (raw: unknown, ack: ((res: PresenceAck) => void) | undefined) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const parsed = PresenceJoinPayload.safeParse(raw);
      if (!parsed.success) return reply({ ok: false, error: { code: 'invalid_input', message: describeZodError(parsed.error) } });
      const { spaceId } = parsed.data;
      const space = await loadSpace(spaceId).catch(() => null);
      const role = space && effectiveRole(space, socket.data.user.id);
      if (!role) return reply({ ok: false, error: { code: 'not_found', message: 'No such space.' } });
      socket.data.presence[spaceId] = { role: role === 'partner' ? 'partner' : 'observer', section: null };
      await socket.join(spaceRoom(spaceId));
      reply({ ok: true, presence: await presenceOf(io, spaceId) });
      broadcast(spaceId);
    }),
  );

  socket.on('presence:update', (raw) => {
    const parsed = PresenceUpdatePayload.safeParse(raw);
    if (!parsed.success) return;
    const current = socket.data.presence[parsed.data.spaceId];
    if (!current || current.section === parsed.data.section) return;
    current.section = parsed.data.section;
    broadcast(parsed.data.spaceId);
  });

  socket.on(
    'presence:leave',
    guarded(logger, 'presence:leave', async (raw: unknown) => {
      const parsed = PresenceJoinPayload.safeParse(raw);
      if (!parsed.success || !socket.data.presence[parsed.data.spaceId]) return;
      delete socket.data.presence[parsed.data.spaceId];
      await socket.leave(spaceRoom(parsed.data.spaceId));
      broadcast(parsed.data.spaceId);
    }),
  );

  socket.on('disconnect', () => {
    for (const spaceId of Object.keys(socket.data.presence ?? {})) broadcast(spaceId);
  });
}
