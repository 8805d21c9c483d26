import { FIRST_REVIEW_SINCE, isConfirmedMiss, type ExerciseError, type PromiseReviewData, type ReviewItem } from '@hearth/shared/exercises';
import { fail } from '../run';
import type { ExerciseMachine, RunOf, Step } from '../run';

type S = RunOf<'promise_review'>;

/** Who should move next on an item: the promiser marks, the partner confirms. */
function turnFor(item: ReviewItem | undefined): string | null {
  if (!item) return null;
  if (!item.outcome) return item.promiserId;
  if (!item.confirmed) return item.promiseeId;
  return null; // settled: either partner renegotiates a missed one or moves on
}

function at(data: PromiseReviewData): Step<PromiseReviewData> {
  if (data.current >= data.items.length) return { phase: 'summary', turn: null, deadline: null, data };
  return { phase: 'reviewing', turn: turnFor(data.items[data.current]), deadline: null, data };
}

function currentItem(s: S, promiseId: string): ReviewItem | ExerciseError {
  const item = s.data.items[s.data.current];
  if (s.phase !== 'reviewing' || !item) return fail('conflict', 'No promise is under review');
  if (item.promiseId !== promiseId) return fail('conflict', 'That is not the promise under review');
  return item;
}

export const promiseReviewMachine: ExerciseMachine<'promise_review'> = {
  kind: 'promise_review',

  init({ promises = [], since = FIRST_REVIEW_SINCE, participants }) {
    const items: ReviewItem[] = promises
      .filter((p) => participants.includes(p.promiserId) && participants.includes(p.promiseeId))
      .map((p) => ({
        promiseId: p.id,
        text: p.text,
        promiserId: p.promiserId,
        promiseeId: p.promiseeId,
        period: p.period,
        // Marked or confirmed on the board already: the review starts from there.
        outcome: p.outcome ?? null,
        confirmed: p.outcome != null && p.confirmed === true,
        renegotiatedText: null,
      }));
    // Nothing came due or was marked: the review opens on its (empty) summary, with no "ready?" step.
    return { ...at({ since, items, current: 0 }), opensAtOnce: items.length === 0 };
  },

  act(s, action, actor) {
    switch (action.type) {
      case 'mark': {
        const item = currentItem(s, action.payload.promiseId);
        if ('code' in item) return item;
        if (actor.userId !== item.promiserId) return fail('forbidden', 'Only the person who made the promise marks it');
        if (item.confirmed) return fail('conflict', 'This promise was already confirmed');
        item.outcome = action.payload.outcome;
        const effect = {
          type: 'markPromise' as const,
          promiseId: item.promiseId,
          period: item.period,
          byUserId: actor.userId,
          outcome: item.outcome,
        };
        return { ...at(s.data), effects: [effect] };
      }
      case 'confirm': {
        const item = currentItem(s, action.payload.promiseId);
        if ('code' in item) return item;
        if (actor.userId !== item.promiseeId) return fail('forbidden', 'The partner who received the promise confirms it');
        if (!item.outcome) return fail('conflict', 'The promise has not been marked yet');
        if (item.confirmed) return fail('conflict', 'This promise was already confirmed');
        item.confirmed = true;
        return {
          ...at(s.data),
          effects: [{ type: 'confirmPromise', promiseId: item.promiseId, period: item.period, byUserId: actor.userId }],
        };
      }
      case 'renegotiate': {
        const item = currentItem(s, action.payload.promiseId);
        if ('code' in item) return item;
        if (!isConfirmedMiss(item)) return fail('conflict', 'Only a confirmed missed promise can be renegotiated');
        if (item.renegotiatedText !== null) return fail('conflict', 'This promise was already renegotiated');
        item.renegotiatedText = action.payload.text;
        return {
          ...at(s.data),
          effects: [
            {
              type: 'renegotiatePromise',
              promiseId: item.promiseId,
              byUserId: actor.userId,
              change: action.payload.dueDate
                ? { text: action.payload.text, dueDate: action.payload.dueDate }
                : { text: action.payload.text },
            },
          ],
        };
      }
      case 'next': {
        if (s.phase === 'summary') return { ...at(s.data), finished: true };
        s.data.current += 1;
        return at(s.data);
      }
      default:
        return fail('invalid_input', `"${action.type}" is not an action of promise_review`);
    }
  },

  expire(s) {
    return at(s.data);
  },

  view(data) {
    return { ...data };
  },
};
