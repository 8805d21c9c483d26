import * as Y from 'yjs';

/** How one update changes one text: characters it inserts and live characters it deletes. */
export interface TextChange {
  inserted: number;
  deleted: number;
}

/**
 * The texts an update (decoded with `Y.decodeUpdate`) only types into or deletes from, read from its structs and
 * delete set against the live document without applying it; null when it does anything else
 * (a new type, a map value, a gap in a client's clock, a reference the document lacks), which
 * then goes the slow way through the scratch copy.
 */
export function textOnlyChanges(live: Y.Doc, { structs, ds }: ReturnType<typeof Y.decodeUpdate>): Map<Y.Text, TextChange> | null {
  const changes = new Map<Y.Text, TextChange>();
  const known = (id: Y.ID) => id.clock < Y.getState(live.store, id.client);
  // Structs of this update already placed, by client: [clock, end, text].
  const placed: Array<{ client: number; clock: number; end: number; text: Y.Text }> = [];
  const next = new Map<number, number>();
  const textOf = (id: Y.ID): Y.Text | null => {
    if (known(id)) {
      const item = Y.getItem(live.store, id);
      return item instanceof Y.Item && item.parent instanceof Y.Text && item.parentSub === null ? item.parent : null;
    }
    return placed.find((p) => p.client === id.client && id.clock >= p.clock && id.clock < p.end)?.text ?? null;
  };
  for (const s of structs) {
    if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentString) || s.parentSub !== null) return null;
    const client = s.id.client;
    const expected = next.get(client) ?? Y.getState(live.store, client);
    if (s.id.clock !== expected) return null;
    next.set(client, s.id.clock + s.length);
    let text: Y.Text | null = null;
    const ref = s.origin ?? s.rightOrigin;
    if (ref) {
      text = textOf(ref);
      // Both neighbours must lie in the same text.
      if (s.origin && s.rightOrigin && textOf(s.rightOrigin) !== text) return null;
    } else if (s.parent instanceof Y.ID && known(s.parent)) {
      const holder = Y.getItem(live.store, s.parent);
      text =
        holder instanceof Y.Item && holder.content instanceof Y.ContentType && holder.content.type instanceof Y.Text
          ? holder.content.type
          : null;
    }
    if (!text || !text._item) return null;
    placed.push({ client, clock: s.id.clock, end: s.id.clock + s.length, text });
    change(changes, text).inserted += s.length;
  }
  for (const [client, ranges] of ds.clients) {
    const all = live.store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (!all || clock + len > Y.getState(live.store, client)) return null;
      for (let i = Y.findIndexSS(all, clock); i < all.length && all[i]!.id.clock < clock + len; i++) {
        const s = all[i]!;
        if (s.deleted) continue;
        if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentString) || !(s.parent instanceof Y.Text) || !s.parent._item) {
          return null;
        }
        change(changes, s.parent).deleted += Math.min(s.id.clock + s.length, clock + len) - Math.max(s.id.clock, clock);
      }
    }
  }
  return changes.size > 0 ? changes : null;
}

function change(changes: Map<Y.Text, TextChange>, text: Y.Text): TextChange {
  let c = changes.get(text);
  if (!c) changes.set(text, (c = { inserted: 0, deleted: 0 }));
  return c;
}
