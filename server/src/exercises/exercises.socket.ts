import { ExerciseActionPayload, ExerciseHistoryPayload, ExerciseJoinPayload, ExerciseStartPayload } from '@hearth/shared/exercises';
import type { ExerciseClientEvents, ExerciseFailure } from '@hearth/shared/exercises';
import type { z } from 'zod';
import type { Logger } from '../platform/logger';
import { describeZodError } from '../platform/errors';
import { spaceRoom } from '../realtime/rooms';
import type { HearthIo, HearthSocket } from '../realtime/socketServer';
import type { BoardWriter } from './boardWriter';
import { ExerciseService } from './exercise.service';
import type { ServiceResult } from './exercise.service';
import { fail } from './run';
import type { Actor, ExerciseRun } from './run';
import { TokenBucket } from './tokenBucket';
import { viewFor } from './view';

export interface ExerciseMemberships {
  roleIn(spaceId: string, userId: string): Promise<'partner' | 'counsellor' | null>;
  partnersOf(spaceId: string): Promise<string[]>;
  /** Whether the couple lets this counsellor steer (start/pause/resume/next/end). */
  counsellorCanFacilitate?(spaceId: string, userId?: string): Promise<boolean>;
}

export interface ExerciseDeps {
  logger: Logger;
  memberships: ExerciseMemberships;
  board: BoardWriter;
  /** Server clock in epoch ms; tests inject one to expire timers without waiting. */
  clock?: () => number;
  maxTimerDelayMs?: number;
  /** A counsellor watched a session (the audit log); called once per counsellor and session. */
  /** Writes the access-log entry; a counsellor sees an exercise only once it is written. */
  onObserved?: (observed: { spaceId: string; userId: string; role: 'partner' | 'counsellor'; exerciseId: string }) => void | Promise<void>;
  /** What a counsellor may read of past sessions; without it a counsellor gets no history. */
  counsellorHistory?: CounsellorHistory;
}

/**
 * A counsellor's history: only sessions shared with them, and every read logged (throws:
 * refused); reads of one visit, less than a minute apart, share one entry.
 */
export interface CounsellorHistory {
  /** Ids of the sessions this counsellor observed live while their access was active. */
  sharedSessionIds(spaceId: string, counsellorId: string): Promise<string[]>;
  /** Logs a read, unless the counsellor's last logged read is less than a minute old. */
  recordRead(spaceId: string, counsellorId: string): Promise<void>;
}

const RATE = { burst: 20, perSecond: 5 };
const runtimes = new WeakMap<HearthIo, ExerciseService>();

/** Creates (once per io) the service, and re-arms the timers of runs that were running. */
export async function startExercises(io: HearthIo, deps: ExerciseDeps): Promise<ExerciseService> {
  const service = serviceFor(io, deps);
  await service.resumeAll();
  return service;
}

/** Clears every exercise timer (on shutdown); the runs stay in the database. */
export function stopExercises(io: HearthIo): void {
  runtimes.get(io)?.close();
  runtimes.delete(io);
}

function serviceFor(io: HearthIo, deps: ExerciseDeps): ExerciseService {
  let service = runtimes.get(io);
  if (!service) {
    const clock = deps.clock ?? Date.now;
    service = new ExerciseService({
      logger: deps.logger,
      board: deps.board,
      clock,
      maxTimerDelayMs: deps.maxTimerDelayMs,
      publish: (run) => publish(io, run, clock, deps),
    });
    runtimes.set(io, service);
  }
  return service;
}

/** One emit per member socket: each person gets their own view (the check-in reveal rule). */
async function publish(io: HearthIo, run: ExerciseRun, clock: () => number, deps: ExerciseDeps): Promise<void> {
  const sockets = await io.in(spaceRoom(run.spaceId)).fetchSockets();
  const now = clock();
  for (const s of sockets) {
    // Counsellor access that cannot be logged is refused: no state before the entry is written.
    if (s.data.roles?.[run.spaceId] === 'counsellor' && !(await noteObserved(deps, run.spaceId, s.data.user.id, run.id))) continue;
    s.emit('exercise:state', { state: viewFor(run, s.data.user?.id ?? null, now) });
  }
  if (run.status === 'ended') observed.delete(run.id);
}

/** Counsellors recorded (or being recorded) as observing each running run. */
const observed = new Map<string, Map<string, Promise<boolean>>>();

/**
 * One audit entry per counsellor and run (per server process); resolves to whether it is
 * written. A failed write is tried again the next time (access stays refused meanwhile).
 */
function noteObserved(deps: ExerciseDeps, spaceId: string, userId: string, runId: string): Promise<boolean> {
  const seen = observed.get(runId) ?? new Map<string, Promise<boolean>>();
  observed.set(runId, seen);
  const known = seen.get(userId);
  if (known) return known;
  const written = Promise.resolve()
    .then(() => deps.onObserved?.({ spaceId, userId, role: 'counsellor', exerciseId: runId }))
    .then(
      () => true,
      () => {
        seen.delete(userId);
        return false;
      },
    );
  seen.set(userId, written);
  return written;
}

/** Attaches the exercise events to one authenticated socket (`socket.data.user` is set). */
export function registerExerciseHandlers(io: HearthIo, socket: HearthSocket, deps: ExerciseDeps): void {
  const service = serviceFor(io, deps);
  const clock = deps.clock ?? Date.now;
  const bucket = new TokenBucket(RATE.burst, RATE.perSecond);
  const user = socket.data.user;
  const { memberships } = deps;

  async function actorIn(spaceId: string): Promise<Actor | null> {
    const role = await memberships.roleIn(spaceId, user.id);
    if (!role) return null;
    const canFacilitate = role === 'counsellor' && (await memberships.counsellorCanFacilitate?.(spaceId, user.id)) === true;
    return { userId: user.id, role, canFacilitate };
  }

  function reply(res: ServiceResult) {
    return res.ok ? { ok: true as const, state: viewFor(res.run, user.id, clock()) } : res;
  }

  /** Rate limit, parse, run, and always answer the ack — also when something breaks. */
  function on<S extends z.ZodType, R>(
    event: keyof ExerciseClientEvents,
    schema: S,
    run: (payload: z.infer<S>) => Promise<R | ExerciseFailure>,
  ) {
    socket.on(event, (raw: unknown, ack: unknown) => {
      const respond = typeof ack === 'function' ? (r: unknown) => void ack(r) : () => undefined;
      if (!bucket.take()) return respond({ ok: false, error: fail('rate_limited', 'Too many exercise actions; slow down') });
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return respond({ ok: false, error: fail('invalid_input', describeZodError(parsed.error)) });
      run(parsed.data).then(respond, (err: unknown) => {
        deps.logger.error({ err, event, userId: user.id }, 'exercise event failed');
        respond({ ok: false, error: fail('internal', 'Something went wrong; try again') });
      });
    });
  }

  const notFound = { ok: false as const, error: fail('not_found', 'No such space') };

  on('exercise:start', ExerciseStartPayload, async (start) => {
    const { spaceId } = start;
    const actor = await actorIn(spaceId);
    if (!actor) return notFound;
    if (actor.role === 'counsellor' && !actor.canFacilitate) {
      return { ok: false, error: fail('forbidden', 'An observing counsellor cannot start an exercise') };
    }
    const partners = await memberships.partnersOf(spaceId);
    if (partners.length !== 2) return { ok: false, error: fail('conflict', 'Both partners need to be in the space first') };
    await socket.join(spaceRoom(spaceId));
    return reply(await service.start(spaceId, start, user.id, partners));
  });

  on('exercise:join', ExerciseJoinPayload, async ({ spaceId }) => {
    const role = await memberships.roleIn(spaceId, user.id);
    if (!role) return notFound;
    socket.data.roles = { ...socket.data.roles, [spaceId]: role };
    await socket.join(spaceRoom(spaceId));
    const run = await service.current(spaceId);
    if (run && role === 'counsellor' && !(await noteObserved(deps, spaceId, user.id, run.id))) {
      return {
        ok: false as const,
        error: fail('audit_unavailable', 'The access log cannot be written right now, so this exercise cannot be shown.'),
      };
    }
    return { ok: true as const, state: run ? viewFor(run, user.id, clock()) : null };
  });

  on('exercise:action', ExerciseActionPayload, async ({ sessionId, type, payload }) => {
    return reply(await service.act(sessionId, type, payload, (s) => actorIn(s.spaceId)));
  });

  on('exercise:history', ExerciseHistoryPayload, async ({ spaceId, limit, before }) => {
    const role = await memberships.roleIn(spaceId, user.id);
    if (!role) return notFound;
    const beforeMs = before ? Date.parse(before) : undefined;
    if (role === 'partner') return { ok: true as const, sessions: await service.history(spaceId, limit ?? 20, beforeMs) };
    // A counsellor: only what was shared with them, and the read is in the access log first.
    if (!deps.counsellorHistory) return { ok: true as const, sessions: [] };
    await deps.counsellorHistory.recordRead(spaceId, user.id);
    const shared = await deps.counsellorHistory.sharedSessionIds(spaceId, user.id);
    return { ok: true as const, sessions: await service.counsellorHistory(spaceId, shared, limit ?? 20, beforeMs) };
  });
}
