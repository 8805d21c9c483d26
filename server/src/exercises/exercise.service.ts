import { randomInt } from 'node:crypto';
import { parseActionPayload } from '@hearth/shared/exercises';
import type { ExerciseActionType, ExerciseError, ExerciseKind, ExerciseSummary } from '@hearth/shared/exercises';
import { ErrorCodes } from '@hearth/shared/errors';
import type { ErrorCode } from '@hearth/shared/errors';
import type { Logger } from '../platform/logger';
import { runBoardEffect } from './boardWriter';
import type { BoardEffect, BoardWriter } from './boardWriter';
import { exerciseStore } from './exerciseStore';
import { applyAction, applyDeadline, startSession } from './lifecycle';
import type { Outcome } from './lifecycle';
import { fail } from './session';
import type { Actor, ExerciseSession } from './session';
import { summaryOf } from './view';

export type ServiceResult = { ok: true; session: ExerciseSession } | { ok: false; error: ExerciseError };

type Settled = { ok: true; session: ExerciseSession; rev: number; advanced: boolean };

/** Kinds whose results are couple-only on the board, so never in a counsellor's history. */
const COUPLE_ONLY_KINDS = new Set<ExerciseKind>(['checkin']);

/** Moves that make sense whatever step the session is on. */
const ALWAYS_ALLOWED = new Set<ExerciseActionType>(['pause', 'resume', 'end']);

export interface ExerciseServiceDeps {
  logger: Logger;
  board: BoardWriter;
  clock: () => number;
  /** Sends the new state to every member socket of the space. */
  publish: (session: ExerciseSession) => Promise<void>;
  /** Timers re-check at least this often, so a clock jump never leaves a session stuck. */
  maxTimerDelayMs?: number;
}

/**
 * The rules around the pure machines: persistence, one lock per session (actions and timers
 * never interleave), board effects before the save, one timer per running session.
 */
export class ExerciseService {
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly deps: ExerciseServiceDeps) {}

  /** Re-arms the timers of every running session (after a restart). */
  async resumeAll(): Promise<void> {
    await exerciseStore.ready();
    const running = await exerciseStore.allRunning();
    for (const { session } of running) this.arm(session);
    if (running.length > 0) this.deps.logger.info({ count: running.length }, 'exercise sessions resumed');
  }

  async start(spaceId: string, kind: ExerciseKind, options: unknown, startedBy: string, participants: string[]): Promise<ServiceResult> {
    await exerciseStore.ready();
    if (await exerciseStore.runningIn(spaceId))
      return { ok: false, error: fail('conflict', 'An exercise is already running in this space') };
    const now = this.deps.clock();
    const extra: { promises?: Awaited<ReturnType<BoardWriter['listPromisesDue']>>; since?: string } = {};
    if (kind === 'promise_review') {
      const asked = (options as { since?: string } | undefined)?.since;
      const last = asked ? null : await exerciseStore.lastCompleted(spaceId, 'promise_review');
      const since = new Date(asked ?? last?.endedAt ?? 0);
      extra.since = since.toISOString();
      extra.promises = await this.deps.board.listPromisesDue(spaceId, since);
    }
    const session = startSession({
      id: exerciseStore.newId(),
      spaceId,
      kind,
      options,
      participants,
      startedBy,
      now,
      seed: randomInt(2 ** 31),
      ...extra,
    });
    if (!(await exerciseStore.insert(session)))
      return { ok: false, error: fail('conflict', 'An exercise is already running in this space') };
    this.arm(session);
    await this.publish(session);
    return { ok: true, session };
  }

  /** The running session of a space, with any passed deadline applied first. */
  async current(spaceId: string): Promise<ExerciseSession | null> {
    const found = await exerciseStore.runningIn(spaceId);
    if (!found) return null;
    return this.locked(found.session.id, async () => {
      const res = await this.settle(found.session.id);
      return res?.ok ? res.session : null;
    });
  }

  /**
   * One action from a socket. `resolveActor` runs once the session (hence its space) is known;
   * null means "not a member", answered like a session that does not exist.
   */
  act(
    sessionId: string,
    type: ExerciseActionType,
    payload: unknown,
    resolveActor: (s: ExerciseSession) => Promise<Actor | null>,
  ): Promise<ServiceResult> {
    return this.locked(sessionId, async () => {
      const settled = await this.settle(sessionId);
      if (!settled) return { ok: false, error: fail('not_found', 'No such exercise') };
      if (!settled.ok) return settled;
      const session = settled.session;
      const actor = await resolveActor(session);
      if (!actor) return { ok: false, error: fail('not_found', 'No such exercise') };
      const parsed = parseActionPayload(session.kind, type, payload);
      if (!parsed.ok) return { ok: false, error: fail('invalid_input', parsed.message) };
      // The move was meant for the step whose time just ran out: refuse it rather than apply it
      // to the next step (the client has been sent the new state).
      if (settled.advanced && !ALWAYS_ALLOWED.has(type)) return { ok: false, error: fail('conflict', 'Time ran out for that step') };
      return this.commit(session, settled.rev, applyAction(session, parsed.action, actor, this.deps.clock()));
    });
  }

  async history(spaceId: string, limit: number, before?: number): Promise<ExerciseSummary[]> {
    return (await exerciseStore.history(spaceId, limit, before)).map(summaryOf);
  }

  /**
   * The sessions a counsellor may look back on: those they observed live (`sharedIds`), minus
   * kinds whose results the board keeps for the couple only (check-ins live on the "us" board).
   */
  async counsellorHistory(spaceId: string, sharedIds: string[], limit: number, before?: number): Promise<ExerciseSummary[]> {
    const rows = await exerciseStore.historyOf(spaceId, sharedIds, limit, before);
    return rows.filter((s) => !COUPLE_ONLY_KINDS.has(s.kind)).map(summaryOf);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  // ---- internals ----

  /** Loads a session and applies a passed deadline (saving it). Null when it does not exist. */
  private async settle(sessionId: string): Promise<Settled | { ok: false; error: ExerciseError } | null> {
    const stored = await exerciseStore.byId(sessionId);
    if (!stored) return null;
    const due = applyDeadline(stored.session, this.deps.clock());
    if (!due) return { ok: true, session: stored.session, rev: stored.rev, advanced: false };
    const res = await this.commit(stored.session, stored.rev, due);
    return res.ok ? { ok: true, session: res.session, rev: stored.rev + 1, advanced: true } : res;
  }

  /** Board effects first (the board may refuse), then the save, the timer and the broadcast. */
  private async commit(before: ExerciseSession, rev: number, outcome: Outcome): Promise<ServiceResult> {
    if (!outcome.ok) return outcome;
    if (!outcome.changed) return { ok: true, session: before };
    const refused = await this.runEffects(before.spaceId, outcome.effects);
    if (refused) return { ok: false, error: refused };
    if (!(await exerciseStore.save(outcome.session, rev))) {
      return { ok: false, error: fail('conflict', 'The exercise changed at the same moment; try again') };
    }
    this.arm(outcome.session);
    await this.publish(outcome.session);
    return { ok: true, session: outcome.session };
  }

  private async runEffects(spaceId: string, effects: BoardEffect[]): Promise<ExerciseError | null> {
    for (const effect of effects) {
      try {
        await runBoardEffect(this.deps.board, spaceId, effect);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (typeof code === 'string' && code in ErrorCodes && code !== 'internal') {
          return fail(code as ErrorCode, (err as Error).message);
        }
        this.deps.logger.error({ err, effect: effect.type, spaceId }, 'exercise board write failed');
        return fail('internal', 'Could not save to the board; try again');
      }
    }
    return null;
  }

  private arm(session: ExerciseSession): void {
    const old = this.timers.get(session.id);
    if (old) clearTimeout(old);
    this.timers.delete(session.id);
    if (this.closed || session.status !== 'running' || session.paused || session.deadline === null) return;
    const max = this.deps.maxTimerDelayMs ?? 60_000;
    const delay = Math.min(Math.max(0, session.deadline - this.deps.clock()), max);
    const timer = setTimeout(() => void this.onTimer(session.id), delay);
    this.timers.set(session.id, timer);
  }

  private async onTimer(sessionId: string): Promise<void> {
    this.timers.delete(sessionId);
    if (this.closed) return;
    try {
      await this.locked(sessionId, async () => {
        const res = await this.settle(sessionId);
        // Not yet due (the timer woke early to re-check): arm again.
        if (res?.ok && !this.timers.has(sessionId)) this.arm(res.session);
      });
    } catch (err) {
      this.deps.logger.error({ err, sessionId }, 'exercise timer failed');
      const stored = await exerciseStore.byId(sessionId).catch(() => null);
      if (stored) this.arm(stored.session);
    }
  }

  private async publish(session: ExerciseSession): Promise<void> {
    try {
      await this.deps.publish(session);
    } catch (err) {
      this.deps.logger.warn({ err, sessionId: session.id }, 'exercise state broadcast failed');
    }
  }

  private locked<T>(key: string, work: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(key) ?? Promise.resolve();
    const run = prev.then(work, work);
    const tail = run.catch(() => undefined);
    this.locks.set(key, tail);
    void tail.then(() => {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    });
    return run;
  }
}
