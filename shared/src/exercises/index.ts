export {
  ExerciseKind,
  QuestionTheme,
  SpeakerListenerOptions,
  CheckinOptions,
  QuestionDeckOptions,
  PromiseReviewOptions,
  ExerciseStartPayload,
  ExerciseJoinPayload,
  ExerciseHistoryPayload,
  ExerciseActionType,
  ExerciseActionPayload,
  LIFECYCLE_ACTIONS,
  ACTION_PAYLOADS,
  ParaphrasePayload,
  SpeakerConfirmPayload,
  CheckinSubmitPayload,
  DrawPayload,
  AnswerPayload,
  MarkPayload,
  PromiseConfirmPayload,
  RenegotiatePayload,
  parseActionPayload,
} from './schemas';
export type { ExerciseAction, ParsedAction } from './schemas';
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
  SpeakerListenerData,
  SpeakerListenerExchange,
  ParaphraseAttempt,
  CheckinData,
  CheckinAnswer,
  QuestionDeckData,
  DeckCard,
  PromiseReviewData,
  ReviewItem,
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
