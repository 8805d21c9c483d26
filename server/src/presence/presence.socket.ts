import { PresenceJoinPayload, PresenceUpdatePayload, type PresencePerson, type PresenceState } from '@hearth/shared/socket';
import { describeZodError } from '../platform/errors';
import type { Logger } from '../platform/logger';
import { effectiveRole } from '../spaces/counsellorAccess';
import { loadSpace } from '../spaces/access';
import { spaceRoom, type HearthIo, type HearthSocket } from '../realtime/socketServer';

/**
 * Who is online in a space and where on the board each person is. The state is kept on the
 * sockets themselves (`socket.data.presence`), so `fetchSockets()` sees every node's sockets
 * when the Redis adapter is on.
 */
export async function presenceOf(io: HearthIo, spaceId: string): Promise<PresenceState> {
  const sockets = await io.in(spaceRoom(spaceId)).fetchSockets();
  const people = new Map<string, PresencePerson>();
  for (const s of sockets) {
    const p = s.data.presence?.[spaceId];
    if (!p) continue;
    const existing = people.get(s.data.user.id);
    if (existing) {
      existing.connections += 1;
      // The most recently focused item wins when a person has several tabs open.
      if (p.itemId) existing.itemId = p.itemId;
      continue;
    }
    people.set(s.data.user.id, {
      userId: s.data.user.id,
      displayName: s.data.user.displayName,
      role: p.role,
      section: p.section,
      itemId: p.itemId,
      connections: 1,
    });
  }
  return { spaceId, people: [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)) };
}

export function registerPresenceHandlers(io: HearthIo, socket: HearthSocket, logger: Logger): void {
  const broadcast = (spaceId: string) => {
    presenceOf(io, spaceId)
      .then((state) => io.to(spaceRoom(spaceId)).emit('presence:state', state))
      .catch((err: unknown) => logger.warn({ err, spaceId }, 'presence broadcast failed'));
  };

  socket.on('presence:join', async (raw, ack) => {
    const reply = typeof ack === 'function' ? ack : () => undefined;
    const parsed = PresenceJoinPayload.safeParse(raw);
    if (!parsed.success) return reply({ ok: false, error: { code: 'invalid_input', message: describeZodError(parsed.error) } });
    const { spaceId } = parsed.data;
    const space = await loadSpace(spaceId).catch(() => null);
    const role = space && effectiveRole(space, socket.data.user.id);
    if (!role) return reply({ ok: false, error: { code: 'not_found', message: 'No such space.' } });
    socket.data.presence[spaceId] = { role: role === 'partner' ? 'partner' : 'observer', section: null, itemId: null };
    await socket.join(spaceRoom(spaceId));
    reply({ ok: true, presence: await presenceOf(io, spaceId) });
    broadcast(spaceId);
  });

  socket.on('presence:update', (raw) => {
    const parsed = PresenceUpdatePayload.safeParse(raw);
    if (!parsed.success) return;
    const current = socket.data.presence[parsed.data.spaceId];
    if (!current) return;
    current.section = parsed.data.section;
    current.itemId = parsed.data.itemId ?? null;
    broadcast(parsed.data.spaceId);
  });

  socket.on('presence:leave', async (raw) => {
    const parsed = PresenceJoinPayload.safeParse(raw);
    if (!parsed.success || !socket.data.presence[parsed.data.spaceId]) return;
    delete socket.data.presence[parsed.data.spaceId];
    await socket.leave(spaceRoom(parsed.data.spaceId));
    broadcast(parsed.data.spaceId);
  });

  socket.on('disconnect', () => {
    for (const spaceId of Object.keys(socket.data.presence ?? {})) broadcast(spaceId);
  });
}
