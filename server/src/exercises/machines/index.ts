import { EXERCISE_KINDS, ExerciseKind, parseAction } from '@hearth/shared/exercises';
import type { ActionInput, ActionOf, DataOf, ExerciseError, ExerciseStart, OptionsOf } from '@hearth/shared/exercises';
import type { z } from 'zod';
import type { BoardEffect } from '../boardWriter';
import { fail, isError } from '../run';
import type { Actor, ExerciseMachine, ExerciseRun, InitInput, RunOf, Step } from '../run';
import { checkinMachine } from './checkin';
import { promiseReviewMachine } from './promiseReview';
import { questionDeckMachine } from './questionDeck';
import { speakerListenerMachine } from './speakerListener';
import { STORED_DATA } from './storedData';
import type { StoredDataOf } from './storedData';

/** The part of a run that depends on its kind; spread over the rest to make a run. */
export type RunBody<K extends ExerciseKind> = { kind: K; data: StoredDataOf<K> };
type AnyOf<T extends { [K in ExerciseKind]: unknown }> = T[ExerciseKind];

/** A machine's step with the run's new body. */
export interface Moved<K extends ExerciseKind> {
  body: RunBody<K>;
  phase: string;
  turn: string | null;
  deadline: number | null;
  finished: boolean;
  effects: BoardEffect[];
  opensAtOnce: boolean;
}

/** A run's own machine, bound to it, so the kind's data, actions and view stay together. */
export interface BoundMachine<K extends ExerciseKind> {
  /** Checks the action against the kind's schema, then applies it to a private copy. */
  act(input: ActionInput, actor: Actor, now: number): Moved<K> | ExerciseError;
  expire(now: number): Moved<K>;
  view(recipientId: string | null): { kind: K; data: DataOf<K> };
  /** History: the view of someone who is not a partner, as `results`. */
  results(): { kind: K; results: DataOf<K> };
  /** What is kept once the run ends. */
  retained(): RunBody<K>;
}

function moved<K extends ExerciseKind>(kind: K, step: Step<StoredDataOf<K>>): Moved<K> {
  const { data, phase, turn, deadline } = step;
  const { finished = false, effects = [], opensAtOnce = false } = step;
  return { body: { kind, data }, phase, turn, deadline, finished, effects, opensAtOnce };
}

function bind<K extends ExerciseKind>(m: ExerciseMachine<K>, actions: z.ZodType<ActionOf<K>>, s: RunOf<K>): BoundMachine<K> {
  return {
    act(input, actor, now) {
      const parsed = parseAction(actions, m.kind, input);
      if (!parsed.ok) return fail('invalid_input', parsed.message);
      const step = m.act(structuredClone(s), parsed.action, actor, now);
      return isError(step) ? step : moved(m.kind, step);
    },
    expire: (now) => moved(m.kind, m.expire(structuredClone(s), now)),
    view: (recipientId) => ({ kind: m.kind, data: m.view(s.data, recipientId) }),
    results: () => ({ kind: m.kind, results: m.view(s.data, null) }),
    retained: () => ({ kind: m.kind, data: m.retainOnEnd ? m.retainOnEnd(structuredClone(s.data)) : s.data }),
  };
}

export function machineOf(s: ExerciseRun): AnyOf<{ [K in ExerciseKind]: BoundMachine<K> }> {
  switch (s.kind) {
    case 'speaker_listener':
      return bind(speakerListenerMachine, EXERCISE_KINDS.speaker_listener.action, s);
    case 'checkin':
      return bind(checkinMachine, EXERCISE_KINDS.checkin.action, s);
    case 'question_deck':
      return bind(questionDeckMachine, EXERCISE_KINDS.question_deck.action, s);
    case 'promise_review':
      return bind(promiseReviewMachine, EXERCISE_KINDS.promise_review.action, s);
  }
}

export type KindStart = ExerciseStart;
/** What every kind's first step is prepared from, besides its options. */
export type InitCommon = Omit<InitInput<unknown>, 'options'>;

function first<K extends ExerciseKind>(m: ExerciseMachine<K>, input: InitCommon, options: OptionsOf<K>): Moved<K> {
  return moved(m.kind, m.init({ ...input, options }));
}

/** The first step of a new run (held back by the "ready?" step unless it opens at once). */
export function firstStep(start: KindStart, input: InitCommon): AnyMoved {
  switch (start.kind) {
    case 'speaker_listener':
      return first(speakerListenerMachine, input, start.options ?? {});
    case 'checkin':
      return first(checkinMachine, input, start.options ?? {});
    case 'question_deck':
      return first(questionDeckMachine, input, start.options ?? {});
    case 'promise_review':
      return first(promiseReviewMachine, input, start.options ?? {});
  }
}

type AnyBody = AnyOf<{ [K in ExerciseKind]: RunBody<K> }>;
export type AnyMoved = AnyOf<{ [K in ExerciseKind]: Moved<K> }>;

/** Reads a stored kind and `data` (leniently, see storedData); null when it cannot be read. */
export function readBody(kind: string, data: unknown): AnyBody | null {
  const k = ExerciseKind.safeParse(kind);
  if (!k.success) return null;
  switch (k.data) {
    case 'speaker_listener':
      return bodyOf(k.data, STORED_DATA.speaker_listener.safeParse(data));
    case 'checkin':
      return bodyOf(k.data, STORED_DATA.checkin.safeParse(data));
    case 'question_deck':
      return bodyOf(k.data, STORED_DATA.question_deck.safeParse(data));
    case 'promise_review':
      return bodyOf(k.data, STORED_DATA.promise_review.safeParse(data));
  }
}

function bodyOf<K extends ExerciseKind>(kind: K, parsed: z.ZodSafeParseResult<StoredDataOf<K>>): RunBody<K> | null {
  return parsed.success ? { kind, data: parsed.data } : null;
}

/** What `recipientId` may see of a stored run's `data` (the export); null when it cannot be read. */
export function viewStored(kind: string, data: unknown, recipientId: string | null): DataOf<ExerciseKind> | null {
  const body = readBody(kind, data);
  switch (body?.kind) {
    case undefined:
      return null;
    case 'speaker_listener':
      return speakerListenerMachine.view(body.data, recipientId);
    case 'checkin':
      return checkinMachine.view(body.data, recipientId);
    case 'question_deck':
      return questionDeckMachine.view(body.data, recipientId);
    case 'promise_review':
      return promiseReviewMachine.view(body.data, recipientId);
  }
}
