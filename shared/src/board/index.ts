// The board model over Y.Doc (docs/board.md): schemas, operations, reading, visibility.

// Document layout and schema version
export { BOARD_SCHEMA_VERSION, META_KEY, ITEMS_KEY, itemsOf, metaOf, itemMapOf, schemaVersionOf, ensureBoardMeta } from './docLayout';
export type { ItemMap } from './docLayout';

// Errors
export { BoardRuleError, BoardDataError } from './errors';
export type { BoardRuleCode } from './errors';

// Acting user and options
export { clockOf, newItemId } from './context';
export type { BoardActor, OpOptions, OpClock } from './context';

// Stored item schemas and operation inputs
export {
  IsoDateTime,
  CalendarDate,
  UserId,
  ItemId,
  PositionKey,
  ITEM_KINDS,
  ItemKind,
  HistoryEntry,
  SHORT_TEXT,
  LONG_TEXT,
} from './schema/common';
export {
  EXPERIENCE_CATEGORIES,
  ExperienceCategory,
  CLOSENESS_KINDS,
  CLOSENESS_LABELS,
  ClosenessKind,
  EXPERIENCE_STATUSES,
  ExperienceStatus,
  ExperienceWhen,
  Budget,
  ExperienceStep,
  Reflection,
  ExperienceItem,
  EXPERIENCE_TEXT_FIELDS,
  CreateExperienceInput,
  UpdateExperienceInput,
  SetExperienceStatusInput,
  AddStepInput,
  UpdateStepInput,
  RemoveStepInput,
  WriteReflectionInput,
} from './schema/experience';
export {
  PromiseCadence,
  PROMISE_STATUSES,
  PromiseStatus,
  PROMISE_OUTCOMES,
  PromiseOutcomeValue,
  PromiseOutcome,
  PROMISE_ACTIONS,
  PromiseItem,
  PROMISE_TEXT_FIELDS,
  CadenceInput,
  CreatePromiseInput,
  UpdatePromiseInput,
  AcceptPromiseInput,
  MarkPromiseInput,
  ConfirmPromiseInput,
  RenegotiatePromiseInput,
} from './schema/promise';
export type { PromiseAction } from './schema/promise';
export {
  CARD_TYPES,
  CardType,
  CardComment,
  CardItem,
  CARD_TEXT_FIELDS,
  CreateCardInput,
  UpdateCardInput,
  AcknowledgeCardInput,
  AddCardCommentInput,
  RemoveCardCommentInput,
} from './schema/card';
export { CheckinItem, CHECKIN_TEXT_FIELDS, SubmitCheckinInput, checkinIdOf } from './schema/checkin';
export {
  AppreciationItem,
  APPRECIATION_TEXT_FIELDS,
  CreateAppreciationInput,
  UpdateAppreciationInput,
  RespondToAppreciationInput,
  APPRECIATION_REPLY_MAX,
} from './schema/appreciation';
export {
  BoardItem,
  ITEM_SCHEMAS,
  TEXT_FIELDS,
  ReorderInput,
  ArchiveInput,
  ItemRefInput,
  SetItemTextInput,
  VISIBILITIES,
  Visibility,
  ChangeVisibilityInput,
} from './schema/item';
export type { BoardItemOf, TextField, TextFieldOf } from './schema/item';

// Ordering
export { keyBetween, spreadKeys, isPositionKey } from './fractionalIndex';
export { compareByPosition, positionAfter, positionAtEnd, previousItemId } from './ordering';

// Rules (also for clients binding inputs straight to Y.Text)
export {
  authorOf,
  canManageItem,
  canChangeVisibility,
  canEditContent,
  canEditText,
  canWriteReflection,
  canRespondToAppreciation,
} from './rules';
export type { ItemOwnership } from './rules';

// Reading
export {
  readBoard,
  assertValidBoard,
  readItem,
  readItemOfKind,
  listItems,
  listExperiences,
  listPromises,
  listCards,
  listAppreciations,
} from './read/readBoard';
export type { BoardSnapshot, ListOptions } from './read/readBoard';
export { listCheckins, checkinFor } from './read/checkins';
export { itemTitle } from './read/itemTitle';
export type { CheckinQuery } from './read/checkins';
export { parseItemMap } from './read/parseItem';
export { getItemText, getStepText, getReflectionText } from './read/textAccess';
export type { ReflectionField } from './read/textAccess';
export { subscribe } from './subscribe';
export type { BoardChange } from './subscribe';

// Operations
export { reorderItem, setArchived, deleteItem, touchItem, setItemText } from './ops/itemOps';
export { EXPERIENCE_TRANSITIONS, createExperience, updateExperience, setExperienceStatus } from './ops/experienceOps';
export { addStep, updateStep, removeStep } from './ops/experienceSteps';
export { writeReflection } from './ops/experienceReflections';
export { createPromise, updatePromise, acceptPromise, renegotiatePromise, RENEGOTIATED_DUE_DAYS } from './ops/promiseOps';
export { markPromise, confirmPromise } from './ops/promiseOutcomes';
export { periodOf, isPeriodOf, weekStartOf, addDays, duePeriods, promisesDueSince, MAX_DUE_PERIODS } from './ops/promiseSchedule';
export type { DuePromise } from './ops/promiseSchedule';
export { createCard, updateCard, acknowledgeCard, addCardComment, removeCardComment } from './ops/cardOps';
export { addCheckin } from './ops/checkinOps';
export { departFromBoard, FORMER_MEMBER_ID } from './ops/departure';
export type { DepartureChoice } from './ops/departure';
export { createAppreciation, updateAppreciation, respondToAppreciation } from './ops/appreciationOps';

// Visibility
export { DEFAULT_VISIBILITY, VISIBILITY_AUDIENCE, defaultVisibilityFor, boardDocName, visibilityOfDocName, moveItem } from './visibility';

// Text helpers
export { applyTextChange, diffText, setTextValue } from './text';
export type { TextChange } from './text';

// The one mood scale (board check-ins and the together check-in)
export { MOOD_VALUES, MOOD_SCALE, MOOD_PROMPT, moodLabel } from './mood';
export type { MoodValue } from './mood';
