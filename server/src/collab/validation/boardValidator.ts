import * as Y from 'yjs';
import { ITEMS_KEY, ITEM_KINDS, META_KEY, TEXT_FIELDS, type BoardItem } from '@hearth/shared/board';
import { isOneOf } from '@hearth/shared/guards';
import { JOURNEY_SETTINGS_KEY, isTimeZone } from '@hearth/shared/insights';
import { BoardRefusal, encodeRefusal } from '@hearth/shared/realtime';
import type { UpdateContext, UpdateVerdict } from '../hooks';
import { TEXT_LIMITS, checkShapeAndSize } from './boardLimits';
import { checkChange, checkNewItem, checkRemoval } from './itemRules';
import { MoveTracker, parseOrNull, type Provenance } from './moveTracker';
import { Refused, refuseUnless } from './refused';
import { isPartner, type RuleActor } from './ruleContext';
import type { UpdateChanges } from './scratchCopy';

const ACCEPTED: UpdateVerdict = { ok: true };

/**
 * The board's rules as a `beforeApplyUpdate` hook: every update to a board document is tried
 * on a scratch copy and checked as the connection's user before it is applied, stored or
 * broadcast. Typing into an existing text is checked from the text's own item (no parsing);
 * anything else re-reads each touched item and compares it with its version before.
 */
export function createBoardValidator(): (ctx: UpdateContext) => UpdateVerdict {
  const moves = new MoveTracker();

  return (ctx) => {
    if (ctx.parsed.kind === 'notes') return ACCEPTED;
    const actor: RuleActor = { userId: ctx.user.id, partnerIds: ctx.grant.partnerIds ?? null };
    // The cheapest path: characters typed into or deleted from texts that exist, read from the update.
    const typed = ctx.textChanges();
    if (typed) {
      try {
        for (const [text, { inserted, deleted }] of typed) checkTypingInto(text, actor, text.length + inserted - deleted);
        return ACCEPTED;
      } catch (err) {
        if (err instanceof Refused) return { ok: false, reason: encodeRefusal(err.code, err.itemId) };
        throw err;
      }
    }
    const { before, after, changes } = ctx.view();
    const provenance = moves.forUpdate(ctx, actor);
    try {
      provenance.accepted(checkBoardUpdate(before, after, changes, actor, provenance, ctx.parsed.kind === 'space'));
      return ACCEPTED;
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      provenance.refused();
      return { ok: false, reason: encodeRefusal(err.code, err.itemId) };
    }
  };
}

/** Throws `Refused`; returns the items the update removes (for pairing later moves). */
function checkBoardUpdate(
  before: Y.Doc,
  after: Y.Doc,
  changes: UpdateChanges,
  actor: RuleActor,
  provenance: Provenance,
  /** The "us + counsellor" document, which also holds the couple's journey settings. */
  sharedWithCounsellor: boolean,
): BoardItem[] {
  if (changes.missingDependencies) throw new Refused(BoardRefusal.missingDependencies);
  const roots = new Map<unknown, string>();
  for (const [name, type] of after.share) roots.set(type, name);
  const inserted = new Set(changes.inserted);
  const structural = new Set<string>();
  const texts = new Map<Y.Text, string>();
  let metaTouched = false;
  let journeyTouched = false;

  for (const [list, deleted] of [
    [changes.inserted, false],
    [changes.deleted, true],
  ] as const) {
    for (const struct of list) {
      let top = struct;
      while (parentOf(top)._item) top = parentOf(top)._item!;
      const root = roots.get(top.parent);
      if (root === META_KEY) {
        metaTouched = true;
        continue;
      }
      if (root === JOURNEY_SETTINGS_KEY && sharedWithCounsellor && top.parent === after.share.get(JOURNEY_SETTINGS_KEY)) {
        journeyTouched = true;
        continue;
      }
      if (root !== ITEMS_KEY || typeof top.parentSub !== 'string') throw new Refused(BoardRefusal.unknownRoot);
      const parent = parentOf(struct);
      // Text holds characters only: an embed, a format or a nested type would hide data in it.
      if (parent instanceof Y.Text && !deleted && !(struct.content instanceof Y.ContentString)) {
        throw new Refused(BoardRefusal.invalidStructure, top.parentSub);
      }
      // The common case: characters typed into or deleted from a text that already existed.
      if (
        parent instanceof Y.Text &&
        parent._item &&
        !inserted.has(parent._item) &&
        (deleted || struct.content instanceof Y.ContentString)
      ) {
        texts.set(parent, top.parentSub);
      } else {
        structural.add(top.parentSub);
      }
    }
  }

  if (metaTouched) checkMeta(before, after);
  if (journeyTouched) checkJourneySettings(before, after, actor);
  for (const [text, itemId] of texts) if (!structural.has(itemId)) checkTextEdit(text, itemId, actor, roots);
  const removed: BoardItem[] = [];
  for (const itemId of structural) {
    const gone = checkItem(itemId, before, after, actor, provenance);
    if (gone) removed.push(gone);
  }
  return removed;
}

function parentOf(struct: Y.Item): Y.AbstractType<unknown> {
  return struct.parent as Y.AbstractType<unknown>;
}

/**
 * Journey settings (shared/src/insights/settings.ts): a partner sets the couple's time zone,
 * and each partner hides or shows only their own mood line (`hideMood:<own id>` = true).
 */
function checkJourneySettings(before: Y.Doc, after: Y.Doc, actor: RuleActor): void {
  refuseUnless(isPartner(actor, actor.userId), BoardRefusal.notPartner);
  const was = before.getMap<unknown>(JOURNEY_SETTINGS_KEY);
  const now = after.getMap<unknown>(JOURNEY_SETTINGS_KEY);
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const value = now.get(key);
    if (now.has(key) === was.has(key) && value === was.get(key)) continue;
    if (key === 'timeZone') {
      refuseUnless(now.has(key) && typeof value === 'string' && isTimeZone(value), BoardRefusal.invalidStructure);
    } else if (key.startsWith('hideMood:')) {
      refuseUnless(key === `hideMood:${actor.userId}`, BoardRefusal.forgedAuthor);
      refuseUnless(!now.has(key) || value === true, BoardRefusal.invalidStructure);
    } else {
      throw new Refused(BoardRefusal.invalidStructure);
    }
  }
}

function checkMeta(before: Y.Doc, after: Y.Doc): void {
  const meta = after.getMap<unknown>(META_KEY);
  for (const key of meta.keys()) refuseUnless(key === 'schemaVersion', BoardRefusal.invalidStructure);
  const version = meta.get('schemaVersion');
  const old = before.getMap<unknown>(META_KEY).get('schemaVersion');
  if (typeof old === 'number') refuseUnless(typeof version === 'number' && version >= old, BoardRefusal.immutable);
  refuseUnless(
    version === undefined || (typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < 1000),
    BoardRefusal.invalidStructure,
  );
}

/** Typing into a live text, before it is applied: `length` is the text's length after it. */
function checkTypingInto(text: Y.Text, actor: RuleActor, length: number): void {
  const doc = text.doc!;
  const roots = new Map<unknown, string>();
  for (const [name, type] of doc.share) roots.set(type, name);
  let top = text._item!;
  while (parentOf(top)._item) top = parentOf(top)._item!;
  if (roots.get(top.parent) !== ITEMS_KEY || typeof top.parentSub !== 'string') throw new Refused(BoardRefusal.unknownRoot);
  checkTextEdit(text, top.parentSub, actor, roots, length);
}

/** Who may type into this text, read from the item around it; no parsing. */
function checkTextEdit(text: Y.Text, itemId: string, actor: RuleActor, roots: Map<unknown, string>, length = text.length): void {
  const me = actor.userId;
  const field = text._item!.parentSub;
  const holder = parentOf(text._item!);
  refuseUnless(holder instanceof Y.Map && typeof field === 'string' && holder._item !== null, BoardRefusal.invalidStructure, itemId);
  const map: Y.Map<unknown> = holder;
  const holderParent = parentOf(map._item!);
  let limit: number | undefined;
  if (roots.get(holderParent) === ITEMS_KEY) {
    const kind = map.get('kind');
    refuseUnless(isOneOf(ITEM_KINDS, kind) && isOneOf<string>(TEXT_FIELDS[kind] ?? [], field), BoardRefusal.invalidStructure, itemId);
    if (kind === 'promise') {
      refuseUnless(map.get('promiserId') === me, BoardRefusal.notPromiser, itemId);
      refuseUnless(map.get('status') === 'proposed', BoardRefusal.illegalTransition, itemId);
    } else if (kind === 'card') {
      refuseUnless(map.get('authorId') === me, BoardRefusal.notAuthor, itemId);
    } else if (kind === 'appreciation') {
      refuseUnless(map.get('fromId') === me, BoardRefusal.notAuthor, itemId);
    }
    limit = TEXT_LIMITS[field!];
  } else if (holderParent instanceof Y.Array && holderParent._item?.parentSub === 'steps' && field === 'text') {
    limit = TEXT_LIMITS.stepText;
  } else if (
    holderParent instanceof Y.Map &&
    holderParent._item?.parentSub === 'reflections' &&
    (field === 'enjoyed' || field === 'learned')
  ) {
    refuseUnless(map._item!.parentSub === me, BoardRefusal.notReflectionOwner, itemId);
    limit = TEXT_LIMITS[field];
  }
  refuseUnless(limit !== undefined, BoardRefusal.invalidStructure, itemId);
  refuseUnless(length <= limit!, BoardRefusal.tooLarge, itemId);
}

/** Creation, removal or change of one item; returns the item if the update removes it. */
function checkItem(itemId: string, before: Y.Doc, after: Y.Doc, actor: RuleActor, provenance: Provenance): BoardItem | null {
  const { movedFrom, restored } = provenance;
  const beforeMap = before.getMap(ITEMS_KEY).get(itemId);
  const afterMap = after.getMap(ITEMS_KEY).get(itemId);
  if (afterMap === undefined) {
    if (!(beforeMap instanceof Y.Map)) return null;
    const old = parseOrNull(itemId, beforeMap);
    // A broken item (stored before these checks) may be cleared away by either partner.
    if (old) checkRemoval(old, actor);
    return old;
  }
  refuseUnless(afterMap instanceof Y.Map, BoardRefusal.invalidStructure, itemId);
  const item = parseOrNull(itemId, afterMap);
  if (!item) throw new Refused(BoardRefusal.invalidStructure, itemId);
  checkShapeAndSize(item);
  const lookup = {
    promiseAfter: (id: string) => {
      const map = after.getMap(ITEMS_KEY).get(id);
      return map instanceof Y.Map ? parseOrNull(id, map) : null;
    },
  };
  if (!(beforeMap instanceof Y.Map)) {
    if (restored(item)) return null;
    if (item.createdBy !== actor.userId) {
      // A copy of someone else's item from another board: a move only its creator may make.
      refuseUnless(movedFrom(item) === null, BoardRefusal.notCreator, itemId);
      throw new Refused(BoardRefusal.forgedAuthor, itemId);
    }
    refuseUnless(item.updatedBy === actor.userId, BoardRefusal.forgedAuthor, itemId);
    try {
      checkNewItem(item, actor, lookup);
    } catch (err) {
      // Content that is not the actor's own may only arrive as a copy of their own item (a move).
      if (!(err instanceof Refused) || movedFrom(item) !== actor.userId) throw err;
      return null;
    }
    // Still possibly a move: the partner's first comment may be on the original and not in the copy.
    movedFrom(item);
    return null;
  }
  // The item itself replaced by another map: its history and everything in it rewritten.
  refuseUnless(Y.compareIDs(beforeMap._item!.id, afterMap._item!.id), BoardRefusal.immutable, itemId);
  const old = parseOrNull(itemId, beforeMap);
  refuseUnless(old !== null, BoardRefusal.invalidStructure, itemId);
  checkChange(old!, item, actor);
  return null;
}
