import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPromise, getItemText, itemsOf, reorderItem, setArchived, type BoardActor } from '@hearth/shared/board';
import { BoardReader } from './boardStore';
import { entriesOfKind, moveTargets } from './boardFilters';

const ALEX = 'a'.repeat(24);
const SAM = 'b'.repeat(24);
const alex: BoardActor = { userId: ALEX, partnerIds: [ALEX, SAM] };
const sam: BoardActor = { userId: SAM, partnerIds: [ALEX, SAM] };
const weekly = { type: 'weekly' } as const;

describe('BoardReader', () => {
  it('shows new items, text edits and removals as they happen', () => {
    const doc = new Y.Doc();
    const reader = new BoardReader(doc, 'couple');
    let notified = 0;
    reader.subscribe(() => notified++);

    const id = createPromise(doc, alex, { text: 'Cook on Sundays', promiseeId: SAM, cadence: weekly });
    expect(reader.getEntries().map((e) => e.item.id)).toEqual([id]);

    const before = reader.getEntries();
    getItemText(doc, id, 'text')!.insert(0, 'Always ');
    const after = reader.getEntries();
    expect(after[0]!.item.kind === 'promise' && after[0]!.item.text).toBe('Always Cook on Sundays');
    expect(after).not.toBe(before);

    itemsOf(doc).delete(id);
    expect(reader.getEntries()).toEqual([]);
    expect(notified).toBe(3);
  });

  it('keeps one broken item from hiding the others', () => {
    const doc = new Y.Doc();
    createPromise(doc, alex, { text: 'Walk together', promiseeId: SAM, cadence: weekly });
    itemsOf(doc).set('broken', new Y.Map());
    const reader = new BoardReader(doc, 'space');
    expect(reader.getEntries()).toHaveLength(1);
    expect(reader.getProblems()).toHaveLength(1);
  });

  it('moves an item up and down within its list', () => {
    const doc = new Y.Doc();
    const a = createPromise(doc, alex, { text: 'A', promiseeId: SAM, cadence: weekly });
    const b = createPromise(doc, sam, { text: 'B', promiseeId: ALEX, cadence: weekly });
    const c = createPromise(doc, alex, { text: 'C', promiseeId: SAM, cadence: weekly });
    const reader = new BoardReader(doc, 'couple');
    const move = (id: string, direction: 'up' | 'down') => {
      const afterId = moveTargets(reader.getEntries(), 'promise').get(id)?.[direction];
      if (afterId === undefined) throw new Error(`cannot move ${direction}`);
      reorderItem(doc, alex, { itemId: id, afterId });
    };

    move(c, 'up');
    expect(reader.getEntries().map((e) => e.item.id)).toEqual([a, c, b]);
    move(a, 'down');
    expect(reader.getEntries().map((e) => e.item.id)).toEqual([c, a, b]);
    expect(() => move(c, 'up')).toThrow('cannot move up');
    const targets = moveTargets(reader.getEntries(), 'promise');
    expect(targets.get(c)).toEqual({ up: undefined, down: a });
    expect(targets.get(a)).toEqual({ up: null, down: b });
    expect(targets.get(b)).toEqual({ up: c, down: undefined });
  });

  it('filters by author and status', () => {
    const doc = new Y.Doc();
    const mine = createPromise(doc, alex, { text: 'Mine', promiseeId: SAM, cadence: weekly });
    const theirs = createPromise(doc, sam, { text: 'Theirs', promiseeId: ALEX, cadence: weekly });
    setArchived(doc, sam, { itemId: theirs, archived: true });
    const entries = new BoardReader(doc, 'couple').getEntries();
    const ids = (who: 'everyone' | 'mine' | 'partner', status: 'active' | 'archived') =>
      entriesOfKind(entries, 'promise', { who, status }, ALEX).map((e) => e.item.id);
    expect(ids('mine', 'active')).toEqual([mine]);
    expect(ids('partner', 'active')).toEqual([]);
    expect(ids('partner', 'archived')).toEqual([theirs]);
    expect(ids('everyone', 'active')).toEqual([mine]);
  });
});
