import {
  CardComment,
  ExperienceStep,
  HistoryEntry,
  ITEM_SCHEMAS,
  PromiseOutcome,
  Reflection,
  type BoardItem,
  type ItemKind,
} from '@hearth/shared/board';
import { BoardRefusal } from '@hearth/shared/realtime';
import { Refused } from './refused';

/**
 * Size limits the server enforces on stored items. Texts allow twice what an input accepts
 * (docs/board.md), since two partners typing at once can merge past one input's limit.
 */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  title: 400,
  where: 400,
  notes: 10_000,
  text: 2000,
  statement: 10_000,
  helps: 10_000,
  avoid: 10_000,
  enjoyed: 10_000,
  learned: 10_000,
  stepText: 400,
};
const MAX_LIST = { steps: 200, history: 5000, comments: 1000, feelings: 12, closeness: 4 } as const;
const MAX_PLAIN_TEXT = 2000;
const MAX_ITEM_JSON = 512 * 1024;

const keysOf = (schema: { shape: object }, extra: string[] = []) => new Set([...Object.keys(schema.shape), ...extra]);
const ITEM_KEYS = Object.fromEntries(Object.entries(ITEM_SCHEMAS).map(([kind, schema]) => [kind, keysOf(schema)])) as Record<
  ItemKind,
  Set<string>
>;
const NESTED_KEYS = {
  steps: keysOf(ExperienceStep),
  history: keysOf(HistoryEntry, ['period', 'renegotiatedFrom', 'renegotiatedInto']),
  comments: keysOf(CardComment),
  outcomes: keysOf(PromiseOutcome),
  reflections: keysOf(Reflection),
};

function onlyKnown(value: unknown, known: Set<string>, itemId: string): void {
  if (!value || typeof value !== 'object') return;
  for (const key of Object.keys(value)) if (!known.has(key)) throw new Refused(BoardRefusal.invalidStructure, itemId);
}

/** Unknown fields (at any level the board defines) and oversized values are refused. */
export function checkShapeAndSize(item: BoardItem): void {
  const id = item.id;
  onlyKnown(item, ITEM_KEYS[item.kind], id);
  const record = item as Record<string, unknown>;
  for (const [field, limit] of Object.entries(TEXT_LIMITS)) {
    const value = record[field];
    if (typeof value === 'string' && value.length > limit) throw new Refused(BoardRefusal.tooLarge, id);
  }
  const tooLong = (list: unknown[] | undefined, max: number) => list !== undefined && list.length > max;
  for (const list of ['history', 'comments', 'steps'] as const) {
    const entries = record[list] as unknown[] | undefined;
    if (tooLong(entries, MAX_LIST[list])) throw new Refused(BoardRefusal.tooLarge, id);
    for (const entry of entries ?? []) onlyKnown(entry, NESTED_KEYS[list], id);
  }
  for (const map of ['outcomes', 'reflections'] as const) {
    for (const entry of Object.values((record[map] as Record<string, unknown> | undefined) ?? {})) onlyKnown(entry, NESTED_KEYS[map], id);
  }
  if (item.kind === 'experience') {
    if (item.steps.some((s) => s.text.length > TEXT_LIMITS.stepText!)) throw new Refused(BoardRefusal.tooLarge, id);
    if (tooLong(item.closeness, MAX_LIST.closeness)) throw new Refused(BoardRefusal.tooLarge, id);
  }
  if (item.kind === 'checkin') {
    if (tooLong(item.feelings, MAX_LIST.feelings) || item.need.length > MAX_PLAIN_TEXT || item.note.length > MAX_PLAIN_TEXT) {
      throw new Refused(BoardRefusal.tooLarge, id);
    }
  }
  if (JSON.stringify(item).length > MAX_ITEM_JSON) throw new Refused(BoardRefusal.tooLarge, id);
}
