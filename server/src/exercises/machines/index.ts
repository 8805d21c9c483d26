import type { ExerciseKind } from '@hearth/shared/exercises';
import type { ExerciseMachine } from '../session';
import { checkinMachine } from './checkin';
import { promiseReviewMachine } from './promiseReview';
import { questionDeckMachine } from './questionDeck';
import { speakerListenerMachine } from './speakerListener';

/** One machine per kind; the lifecycle layer looks the kind up here. */
export const MACHINES: Record<ExerciseKind, ExerciseMachine<unknown, unknown>> = {
  speaker_listener: speakerListenerMachine as unknown as ExerciseMachine<unknown, unknown>,
  checkin: checkinMachine as unknown as ExerciseMachine<unknown, unknown>,
  question_deck: questionDeckMachine as unknown as ExerciseMachine<unknown, unknown>,
  promise_review: promiseReviewMachine as unknown as ExerciseMachine<unknown, unknown>,
};
