import { z } from 'zod';
import {
  CalendarDate,
  HistoryEntry,
  IsoDateTime,
  ItemId,
  UserId,
  baseItemShape,
  longText,
  requiredShortText,
  shortText,
  historyNote,
} from './common';

export const EXPERIENCE_CATEGORIES = ['travel', 'learning_together', 'volunteering', 'everyday_ritual', 'other'] as const;
export const ExperienceCategory = z.enum(EXPERIENCE_CATEGORIES);
export type ExperienceCategory = z.infer<typeof ExperienceCategory>;

/** The kinds of closeness an experience feeds. */
export const CLOSENESS_KINDS = ['intellectual', 'experiential', 'spiritual', 'physical'] as const;
export const ClosenessKind = z.enum(CLOSENESS_KINDS);
export type ClosenessKind = z.infer<typeof ClosenessKind>;

/** What people read for each kind of closeness: the board's chips, the journey, the export. */
export const CLOSENESS_LABELS: Record<ClosenessKind, string> = {
  intellectual: 'Mind',
  experiential: 'Doing things',
  spiritual: 'Meaning',
  physical: 'Touch',
};

export const EXPERIENCE_STATUSES = ['idea', 'planned', 'done', 'dropped'] as const;
export const ExperienceStatus = z.enum(EXPERIENCE_STATUSES);
export type ExperienceStatus = z.infer<typeof ExperienceStatus>;

/** When: a day, a range of days, or "someday". */
export const ExperienceWhen = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('someday') }),
  z.looseObject({ type: z.literal('date'), date: CalendarDate }),
  z.looseObject({ type: z.literal('range'), start: CalendarDate, end: CalendarDate }),
]);
export type ExperienceWhen = z.infer<typeof ExperienceWhen>;

export const Budget = z.looseObject({
  amount: z.number().nonnegative().finite(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code'),
});
export type Budget = z.infer<typeof Budget>;

/** A checklist step; `text` is a Y.Text in the document. */
export const ExperienceStep = z.looseObject({
  id: ItemId,
  text: z.string(),
  done: z.boolean(),
  doneAt: IsoDateTime.nullable(),
  doneBy: UserId.nullable(),
  assignee: UserId.nullable(),
});
export type ExperienceStep = z.infer<typeof ExperienceStep>;

/** One partner's reflection after the experience is done; both texts are Y.Text. */
export const Reflection = z.looseObject({
  enjoyed: z.string(),
  learned: z.string(),
  updatedAt: IsoDateTime.nullable(),
});
export type Reflection = z.infer<typeof Reflection>;

export const ExperienceItem = z.looseObject({
  ...baseItemShape,
  kind: z.literal('experience'),
  title: z.string(),
  category: ExperienceCategory,
  closeness: z.array(ClosenessKind),
  when: ExperienceWhen,
  where: z.string(),
  budget: Budget.nullable(),
  notes: z.string(),
  steps: z.array(ExperienceStep),
  status: ExperienceStatus,
  statusChangedAt: IsoDateTime,
  doneAt: IsoDateTime.nullable(),
  history: z.array(HistoryEntry),
  /** userId -> that partner's reflection. */
  reflections: z.record(UserId, Reflection),
});
export type ExperienceItem = z.infer<typeof ExperienceItem>;

/** Fields held as Y.Text (bind inputs to them). */
export const EXPERIENCE_TEXT_FIELDS = ['title', 'where', 'notes'] as const;

const WhenInput = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('someday') }),
    z.strictObject({ type: z.literal('date'), date: CalendarDate }),
    z.strictObject({ type: z.literal('range'), start: CalendarDate, end: CalendarDate }),
  ])
  .refine((w) => w.type !== 'range' || w.start <= w.end, 'the range must end after it starts');
const BudgetInput = z.strictObject({
  amount: z.number().nonnegative().finite().max(1e9),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code'),
});
const ClosenessInput = z
  .array(ClosenessKind)
  .max(CLOSENESS_KINDS.length)
  .refine((list) => new Set(list).size === list.length, 'no duplicates');
const StepInput = z.strictObject({ text: requiredShortText, assignee: UserId.nullable().optional() });

export const CreateExperienceInput = z.strictObject({
  title: requiredShortText,
  category: ExperienceCategory.default('other'),
  closeness: ClosenessInput.default([]),
  when: WhenInput.default({ type: 'someday' }),
  where: shortText.default(''),
  budget: BudgetInput.nullable().default(null),
  notes: longText.default(''),
  status: z.enum(['idea', 'planned']).default('idea'),
  steps: z.array(StepInput).max(100).default([]),
});
export type CreateExperienceInput = z.input<typeof CreateExperienceInput>;

export const UpdateExperienceInput = z.strictObject({
  itemId: ItemId,
  title: requiredShortText.optional(),
  category: ExperienceCategory.optional(),
  closeness: ClosenessInput.optional(),
  when: WhenInput.optional(),
  where: shortText.optional(),
  budget: BudgetInput.nullable().optional(),
  notes: longText.optional(),
});
export type UpdateExperienceInput = z.input<typeof UpdateExperienceInput>;

export const SetExperienceStatusInput = z.strictObject({
  itemId: ItemId,
  status: ExperienceStatus,
  note: historyNote.optional(),
});
export type SetExperienceStatusInput = z.input<typeof SetExperienceStatusInput>;

export const AddStepInput = z.strictObject({
  itemId: ItemId,
  text: requiredShortText,
  assignee: UserId.nullable().default(null),
});
export type AddStepInput = z.input<typeof AddStepInput>;

/** Edit a step: its text, done (the checkbox), or who it is assigned to. */
export const UpdateStepInput = z.strictObject({
  itemId: ItemId,
  stepId: ItemId,
  text: requiredShortText.optional(),
  done: z.boolean().optional(),
  assignee: UserId.nullable().optional(),
});
export type UpdateStepInput = z.input<typeof UpdateStepInput>;

export const RemoveStepInput = z.strictObject({ itemId: ItemId, stepId: ItemId });
export type RemoveStepInput = z.input<typeof RemoveStepInput>;

/** The acting partner's own reflection; only after the experience is done. */
export const WriteReflectionInput = z.strictObject({
  itemId: ItemId,
  enjoyed: longText.optional(),
  learned: longText.optional(),
});
export type WriteReflectionInput = z.input<typeof WriteReflectionInput>;
