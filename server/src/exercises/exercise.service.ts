import { randomInt } from 'node:crypto';
import { parseActionPayload } from '@hearth/shared/exercises';
import type { ExerciseActionType, ExerciseError, ExerciseKind, ExerciseSummary } from '@hearth/shared/exercises';
import { isErrorCode } from '../platform/errors';
import type { Logger } from '../platform/logger';
import { propertyOf } from '../platform/propertyOf';
import { runBoardEffect } from './boardWriter';
import type { BoardEffect, BoardWriter } from './boardWriter';
import { runStore } from './runStore';
import { applyAction, applyDeadline, startRun } from './lifecycle';
import type { Outcome } from './lifecycle';
import type { KindStart } from './machines/index';
import { fail } from './run';
import type { Actor, ExerciseRun } from './run';
import { summaryOf } from './view';

export type ServiceResult = { ok: true; run: ExerciseRun } | { ok: false; error: ExerciseError };

type Settled = { ok: true; run: ExerciseRun; rev: number; advanced: boolean };

/** Kinds whose results are couple-only on the board, so never in a counsellor's history. */
const COUPLE_ONLY_KINDS = new Set<ExerciseKind>(['checkin']);

/** Moves that make sense whatever step the run is on. */
const ALWAYS_ALLOWED = new Set<ExerciseActionType>(['pause', 'resume', 'end']);

export interface ExerciseServiceDeps {
  logger: Logger;
  board: BoardWriter;
  clock: () => number;
  /** Sends the new state to every member socket of the space. */
  publish: (run: ExerciseRun) => Promise<void>;
  /** Timers re-check at least this often, so a clock jump never leaves a run stuck. */
  maxTimerDelayMs?: number;
}

/**
 * The rules around the pure machines: persistence, one lock per run (actions and timers
 * never interleave), board effects before the save, one timer per running run.
 */
export class ExerciseService {
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly deps: ExerciseServiceDeps) {}

  /** Re-arms the timers of every running run (after a restart). */
  async resumeAll(): Promise<void> {
    await runStore.ready();
    const running = await runStore.allRunning();
    for (const { run } of running) this.arm(run);
    if (running.length > 0) this.deps.logger.info({ count: running.length }, 'exercise runs resumed');
  }

  async start(spaceId: string, start: KindStart, startedBy: string, participants: string[]): Promise<ServiceResult> {
    await runStore.ready();
    if (await runStore.runningIn(spaceId)) return { ok: false, error: fail('conflict', 'An exercise is already running in this space') };
    const now = this.deps.clock();
    const extra: { promises?: Awaited<ReturnType<BoardWriter['listPromisesDue']>>; since?: string } = {};
    if (start.kind === 'promise_review') {
      const asked = start.options?.since;
      const last = asked ? null : await runStore.lastCompleted(spaceId, 'promise_review');
      const since = new Date(asked ?? last?.endedAt ?? 0);
      extra.since = since.toISOString();
      extra.promises = await this.deps.board.listPromisesDue(spaceId, since);
    }
    const run = startRun({
      ...start,
      id: runStore.newId(),
      spaceId,
      participants,
      startedBy,
      now,
      seed: randomInt(2 ** 31),
      ...extra,
    });
    if (!(await runStore.insert(run))) return { ok: false, error: fail('conflict', 'An exercise is already running in this space') };
    this.arm(run);
    await this.publish(run);
    return { ok: true, run };
  }

  /** The running run of a space, with any passed deadline applied first. */
  async current(spaceId: string): Promise<ExerciseRun | null> {
    const found = await runStore.runningIn(spaceId);
    if (!found) return null;
    return this.locked(found.run.id, async () => {
      const res = await this.settle(found.run.id);
      return res?.ok ? res.run : null;
    });
  }

  /**
   * One action from a socket. `resolveActor` runs once the run (hence its space) is known;
   * null means "not a member", answered like a run that does not exist.
   */
  act(
    runId: string,
    type: ExerciseActionType,
    payload: unknown,
    resolveActor: (s: ExerciseRun) => Promise<Actor | null>,
  ): Promise<ServiceResult> {
    return this.locked(runId, async () => {
      const settled = await this.settle(runId);
      if (!settled) return { ok: false, error: fail('not_found', 'No such exercise') };
      if (!settled.ok) return settled;
      const run = settled.run;
      const actor = await resolveActor(run);
      if (!actor) return { ok: false, error: fail('not_found', 'No such exercise') };
      const parsed = parseActionPayload(run.kind, type, payload);
      if (!parsed.ok) return { ok: false, error: fail('invalid_input', parsed.message) };
      // The move was meant for the step whose time just ran out: refuse it rather than apply it
      // to the next step (the client has been sent the new state).
      if (settled.advanced && !ALWAYS_ALLOWED.has(type)) return { ok: false, error: fail('conflict', 'Time ran out for that step') };
      return this.commit(run, settled.rev, applyAction(run, parsed.action, actor, this.deps.clock()));
    });
  }

  async history(spaceId: string, limit: number, before?: number): Promise<ExerciseSummary[]> {
    return (await runStore.history(spaceId, limit, before)).map(summaryOf);
  }

  /**
   * The runs a counsellor may look back on: those they observed live (`sharedIds`), minus
   * kinds whose results the board keeps for the couple only (check-ins live on the "us" board).
   */
  async counsellorHistory(spaceId: string, sharedIds: string[], limit: number, before?: number): Promise<ExerciseSummary[]> {
    const rows = await runStore.historyOf(spaceId, sharedIds, limit, before);
    return rows.filter((s) => !COUPLE_ONLY_KINDS.has(s.kind)).map(summaryOf);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  // ---- internals ----

  /** Loads a run and applies a passed deadline (saving it). Null when it does not exist. */
  private async settle(runId: string): Promise<Settled | { ok: false; error: ExerciseError } | null> {
    const stored = await runStore.byId(runId);
    if (!stored) return null;
    const due = applyDeadline(stored.run, this.deps.clock());
    if (!due) return { ok: true, run: stored.run, rev: stored.rev, advanced: false };
    const res = await this.commit(stored.run, stored.rev, due);
    return res.ok ? { ok: true, run: res.run, rev: stored.rev + 1, advanced: true } : res;
  }

  /** Board effects first (the board may refuse), then the save, the timer and the broadcast. */
  private async commit(before: ExerciseRun, rev: number, outcome: Outcome): Promise<ServiceResult> {
    if (!outcome.ok) return outcome;
    if (!outcome.changed) return { ok: true, run: before };
    const refused = await this.runEffects(before.spaceId, outcome.effects);
    if (refused) return { ok: false, error: refused };
    if (!(await runStore.save(outcome.run, rev))) {
      return { ok: false, error: fail('conflict', 'The exercise changed at the same moment; try again') };
    }
    this.arm(outcome.run);
    await this.publish(outcome.run);
    return { ok: true, run: outcome.run };
  }

  private async runEffects(spaceId: string, effects: BoardEffect[]): Promise<ExerciseError | null> {
    for (const effect of effects) {
      try {
        await runBoardEffect(this.deps.board, spaceId, effect);
      } catch (err) {
        const code = propertyOf(err, 'code');
        if (isErrorCode(code) && code !== 'internal') return fail(code, String(propertyOf(err, 'message') ?? ''));
        this.deps.logger.error({ err, effect: effect.type, spaceId }, 'exercise board write failed');
        return fail('internal', 'Could not save to the board; try again');
      }
    }
    return null;
  }

  private arm(run: ExerciseRun): void {
    const old = this.timers.get(run.id);
    if (old) clearTimeout(old);
    this.timers.delete(run.id);
    if (this.closed || run.status !== 'running' || run.paused || run.deadline === null) return;
    const max = this.deps.maxTimerDelayMs ?? 60_000;
    const delay = Math.min(Math.max(0, run.deadline - this.deps.clock()), max);
    const timer = setTimeout(() => void this.onTimer(run.id), delay);
    this.timers.set(run.id, timer);
  }

  private async onTimer(runId: string): Promise<void> {
    this.timers.delete(runId);
    if (this.closed) return;
    try {
      await this.locked(runId, async () => {
        const res = await this.settle(runId);
        // Not yet due (the timer woke early to re-check): arm again.
        if (res?.ok && !this.timers.has(runId)) this.arm(res.run);
      });
    } catch (err) {
      this.deps.logger.error({ err, runId }, 'exercise timer failed');
      const stored = await runStore.byId(runId).catch(() => null);
      if (stored) this.arm(stored.run);
    }
  }

  private async publish(run: ExerciseRun): Promise<void> {
    try {
      await this.deps.publish(run);
    } catch (err) {
      this.deps.logger.warn({ err, runId: run.id }, 'exercise state broadcast failed');
    }
  }

  private locked<T>(key: string, work: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(key) ?? Promise.resolve();
    const result = prev.then(work, work);
    const tail = result.catch(() => undefined);
    this.locks.set(key, tail);
    void tail.then(() => {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    });
    return result;
  }
}
