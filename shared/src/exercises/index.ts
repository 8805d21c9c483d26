export { ExerciseKind, QuestionTheme, LIFECYCLE_ACTIONS } from './base';
export {
  SpeakerListenerOptions,
  ParaphrasePayload,
  SpeakerConfirmPayload,
  SpeakerListenerAction,
  SpeakerListenerData,
  SpeakerListenerExchange,
  ParaphraseAttempt,
} from './kinds/speakerListener';
export { CheckinOptions, CheckinSubmitPayload, CheckinAction, CheckinData, CheckinAnswer } from './kinds/checkin';
export { QuestionDeckOptions, DrawPayload, AnswerPayload, QuestionDeckAction, QuestionDeckData, DeckCard } from './kinds/questionDeck';
export {
  PromiseReviewOptions,
  MarkPayload,
  PromiseConfirmPayload,
  RenegotiatePayload,
  PromiseReviewAction,
  PromiseReviewData,
  ReviewItem,
  FIRST_REVIEW_SINCE,
  isFirstReview,
  isConfirmedMiss,
} from './kinds/promiseReview';
export {
  EXERCISE_KINDS,
  ExerciseStartPayload,
  ExerciseJoinPayload,
  ExerciseHistoryPayload,
  ExerciseActionType,
  ExerciseActionPayload,
  parseAction,
  parseActionPayload,
} from './schemas';
export type { ActionInput, ActionOf, DataOf, OptionsOf, ExerciseAction, ExerciseStart, Parsed } from './schemas';
export { ExerciseStateSchema } from './state';
export type {
  ExerciseState,
  ExerciseStateOf,
  ExerciseSummary,
  ExerciseError,
  ExerciseFailure,
  ExerciseAck,
  ExerciseJoinAck,
  ExerciseHistoryAck,
} from './state';
export type { ExerciseClientEvents, ExerciseServerEvents } from './events';
export { clockOffset, msLeft } from './clock';
export { EXERCISE_CONTENT_VERSION } from './content/version';
export { QUESTION_THEMES, THEME_LABELS } from './content/questionThemes';
export type { QuestionThemeName } from './content/questionThemes';
export { QUESTION_DECK, findQuestion, questionsOfTheme } from './content/questionDeck';
export type { DeckQuestion } from './content/questionDeck';
export { SPEAKER_LISTENER_TOPICS, SPEAKER_LISTENER_GUIDANCE, findSpeakerListenerTopic } from './content/speakerListener';
export type { SpeakerListenerTopic } from './content/speakerListener';
export { MOOD_LABELS, FEELING_WORDS, FEELING_WORD_MAX, CHECKIN_GUIDANCE } from './content/checkin';
export { PROMISE_REVIEW_GUIDANCE } from './content/promiseReview';
