import * as Y from 'yjs';

/** Who (user id and display name) a Yjs client id of a document belongs to, when known. */
export type IdentifyClient = (clientId: number) => { userId: string; name: string } | null;

/** An item an Undo or Redo left in place because someone else has worked on it since. */
export interface KeptItem {
  itemId: string | null;
  /** Its title or text, for the message; null when it has none. */
  label: string | null;
  /** Who worked on it, when their connection tells (else see `updatedBy`). */
  userId: string | null;
  name: string | null;
  /** The item's last editor as stored on the board, a fallback for people no longer connected. */
  updatedBy: string | null;
  /**
   * Why it was kept: someone else worked in it since (default), or the step would put back
   * their name in a field that only they may set (a tick, an acknowledgement, a mark).
   */
  reason?: 'theirs';
}

/** Fields that name who did something; the server accepts only the writer's own id there. */
const AUTHOR_FIELDS = new Set(['doneBy', 'acknowledgedBy', 'markedBy', 'confirmedBy']);

type StackItem = Y.UndoManager['undoStack'][number];
type AnyType = Y.AbstractType<unknown>;
/** The tracked board root (the `items` map); only compared by identity, so any object will do. */
export type TrackedRoot = object;

/**
 * The things a step would delete that contain someone else's work: a container (an item, a
 * step, a reflection) this client inserted, in which another client has written since.
 */
export function protectedIn(doc: Y.Doc, step: StackItem, root: TrackedRoot | null, identify: IdentifyClient): KeptItem[] {
  const kept: KeptItem[] = [];
  const mine = doc.clientID;
  step.insertions.clients.forEach((ranges, client) => {
    const structs = doc.store.clients.get(client);
    if (!structs) return;
    for (const { clock, len } of ranges) {
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        let s = structs[i]!;
        if (s.id.clock >= clock + len) break;
        if (!(s instanceof Y.Item)) continue;
        // An undone-then-redone container lives on in its redone copy.
        while (s instanceof Y.Item && s.redone) s = Y.getItem(doc.store, s.redone);
        if (!(s instanceof Y.Item) || s.deleted || !(s.content instanceof Y.ContentType)) continue;
        const others = new Set<number>();
        othersIn(s.content.type, mine, others);
        if (others.size > 0) kept.push(describe(s, root, [...others], identify));
      }
    }
  });
  return dedupe(kept);
}

/**
 * Values a step would put back that name someone else in an authorship field: undoing my
 * untick of my partner's tick would write their `doneBy` in my name, which the server refuses.
 */
export function othersNamedIn(doc: Y.Doc, step: StackItem, root: TrackedRoot | null, identify: IdentifyClient): KeptItem[] {
  const kept: KeptItem[] = [];
  step.deletions.clients.forEach((ranges, client) => {
    if (client === doc.clientID) return;
    const structs = doc.store.clients.get(client);
    if (!structs) return;
    for (const { clock, len } of ranges) {
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const s = structs[i]!;
        if (s.id.clock >= clock + len) break;
        if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentAny) || !AUTHOR_FIELDS.has(s.parentSub ?? '')) continue;
        const named = s.content.arr[0];
        if (typeof named !== 'string' || named === '') continue;
        const who = identify(client);
        kept.push({ ...describe(s, root, [client], identify), userId: who?.userId ?? named, reason: 'theirs' });
      }
    }
  });
  return dedupe(kept);
}

/** Client ids other than `mine` that wrote anything inside `type` (also text since deleted). */
export function othersIn(type: AnyType, mine: number, out: Set<number>): void {
  const visit = (item: Y.Item | null) => {
    for (let it = item; it; it = it.left) {
      if (it.id.client !== mine) out.add(it.id.client);
      if (it.content instanceof Y.ContentType) othersIn(it.content.type, mine, out);
    }
  };
  // Map entries: the current value and, to its left, the values it replaced.
  type._map.forEach((item) => visit(item));
  for (let it = type._start; it; it = it.right) {
    if (it.id.client !== mine) out.add(it.id.client);
    if (it.content instanceof Y.ContentType) othersIn(it.content.type, mine, out);
  }
}

function describe(struct: Y.Item, root: TrackedRoot | null, others: number[], identify: IdentifyClient): KeptItem {
  // Walk up to the board item that holds this container.
  let item: Y.Item | null = struct;
  while (item && item.parent !== root) item = item.parent instanceof Y.AbstractType ? item.parent._item : null;
  const type = item?.content instanceof Y.ContentType ? item.content.type : null;
  const map = type instanceof Y.Map ? type : null;
  const who = others.map(identify).find((w) => w !== null) ?? null;
  const updatedBy = map?.get('updatedBy');
  return {
    itemId: item && typeof item.parentSub === 'string' ? item.parentSub : null,
    label: map ? labelOf(map) : null,
    userId: who?.userId ?? null,
    name: who?.name ?? null,
    updatedBy: typeof updatedBy === 'string' ? updatedBy : null,
  };
}

function labelOf(map: Y.Map<unknown>): string | null {
  for (const key of ['title', 'text', 'statement']) {
    const value = map.get(key);
    const text = value instanceof Y.Text ? value.toString().trim() : '';
    if (text) return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  }
  return null;
}

function dedupe(kept: KeptItem[]): KeptItem[] {
  const seen = new Set<string>();
  return kept.filter((k) => {
    const key = k.itemId ?? `${k.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
