import type { SpaceStatus } from '@hearth/shared/socket';
import type { Logger } from '../platform/logger';
import { statusRoom } from '../realtime/rooms';
import type { HearthIo } from '../realtime/socketServer';
import { loadSnapshot, type SpaceSnapshot } from './snapshot';
import { mayWatch, statusFor } from './statusView';

/**
 * Pushes each watcher of a space their own status after a change. Pushes for one space run
 * one after another (each compares with the snapshot the previous one left), and requests
 * that arrive while one is waiting to start share it: a service emitting `access:changed`
 * and `space:changed` for one action sends one status, not two.
 */
export class StatusPusher {
  private readonly last = new Map<string, SpaceSnapshot>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly waiting = new Map<string, Promise<void>>();
  /** Spaces known to be deleted: their watchers are told without asking the busy database. */
  private readonly deleted = new Set<string>();

  constructor(
    private readonly io: HearthIo,
    private readonly logger: Logger,
  ) {}

  /** The space is gone: the next push tells its watchers so from the last snapshot alone. */
  pushDeleted(spaceId: string, actorId: string | null): Promise<void> {
    this.deleted.add(spaceId);
    return this.push(spaceId, actorId);
  }

  push(spaceId: string, actorId: string | null): Promise<void> {
    const queued = this.waiting.get(spaceId);
    if (queued) return queued;
    const previous = this.chains.get(spaceId) ?? Promise.resolve();
    const run = previous
      .then(() => {
        this.waiting.delete(spaceId);
        return this.run(spaceId, actorId);
      })
      .catch((err: unknown) => this.logger.warn({ err, spaceId }, 'live status push failed'));
    this.waiting.set(spaceId, run);
    this.chains.set(spaceId, run);
    void run.finally(() => {
      if (this.chains.get(spaceId) === run) this.chains.delete(spaceId);
    });
    return run;
  }

  /** The status a new watcher starts from; null when they may not watch (same as a 404). */
  async watch(spaceId: string, userId: string): Promise<SpaceStatus | null> {
    const snapshot = await loadSnapshot(spaceId);
    if (!snapshot || !mayWatch(snapshot, userId)) return null;
    if (!this.last.has(spaceId)) this.last.set(spaceId, snapshot);
    return statusFor(snapshot, null, spaceId, userId, null);
  }

  private async run(spaceId: string, actorId: string | null): Promise<void> {
    const gone = this.deleted.delete(spaceId);
    const sockets = await this.io.in(statusRoom(spaceId)).fetchSockets();
    if (sockets.length === 0) {
      this.last.delete(spaceId);
      return;
    }
    const after = gone ? null : await loadSnapshot(spaceId);
    const before = this.last.get(spaceId) ?? null;
    if (after) this.last.set(spaceId, after);
    else this.last.delete(spaceId);
    for (const socket of sockets) {
      const status = statusFor(after, before, spaceId, socket.data.user.id, actorId, true);
      if (status) socket.emit('space:status', status);
      // Whoever lost the space stops hearing about it.
      if (!status || status.state === 'ended') socket.leave(statusRoom(spaceId));
    }
  }
}
