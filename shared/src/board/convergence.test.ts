import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from './read/readBoard';
import { getItemText } from './read/textAccess';
import { createExperience, setExperienceStatus } from './ops/experienceOps';
import { addStep } from './ops/experienceSteps';
import { createPromise, acceptPromise } from './ops/promiseOps';
import { confirmPromise, markPromise } from './ops/promiseOutcomes';
import { addCheckin } from './ops/checkinOps';
import { reorderItem, setItemText } from './ops/itemOps';
import { alice, at, bob, replicas, sync, ALICE, BOB } from '../../../test/helpers/boardActors';

/** Both replicas hold the same, fully valid board. */
function expectConverged(a: Y.Doc, b: Y.Doc): ReturnType<typeof readBoard> {
  const left = readBoard(a);
  const right = readBoard(b);
  expect(left.problems).toEqual([]);
  expect(right.problems).toEqual([]);
  expect(right.items).toEqual(left.items);
  return left;
}

describe('two partners editing at once', () => {
  it('merges concurrent typing in the same text field', () => {
    let id = '';
    const [a, b] = replicas((doc) => {
      id = createExperience(doc, alice, { title: 'Weekend by the sea' });
    });
    // Alice types at the start, Bob at the end, through operations and a raw binding.
    setItemText(a, alice, { itemId: id, field: 'title', value: 'Quiet weekend by the sea' });
    getItemText(b, id, 'title')!.insert('Weekend by the sea'.length, ' in May');
    sync(a, b);
    const board = expectConverged(a, b);
    expect(board.items[0]).toMatchObject({ title: 'Quiet weekend by the sea in May' });
  });

  it('converges when both move items at the same time', () => {
    const ids: string[] = [];
    const [a, b] = replicas((doc) => {
      for (const title of ['one', 'two', 'three', 'four']) ids.push(createExperience(doc, alice, { title }));
    });
    const [one, two, three, four] = ids as [string, string, string, string];
    reorderItem(a, alice, { itemId: four, afterId: null });
    reorderItem(b, bob, { itemId: one, afterId: three });
    // Both drop something into the same gap.
    reorderItem(a, alice, { itemId: two, afterId: three });
    sync(a, b);
    const board = expectConverged(a, b);
    const order = board.items.map((item) => item.id);
    expect(order[0]).toBe(four);
    expect(order.indexOf(three)).toBeLessThan(order.indexOf(one));
    expect(order.indexOf(three)).toBeLessThan(order.indexOf(two));
    // A later move between the two concurrently placed items lands exactly there.
    const [, , x, y] = order as [string, string, string, string];
    reorderItem(b, bob, { itemId: four, afterId: x });
    sync(a, b);
    expect(expectConverged(a, b).items.map((i) => i.id)).toEqual([three, x, four, y]);
  });

  it('settles a concurrent status change on one status and keeps both history entries', () => {
    let id = '';
    const [a, b] = replicas((doc) => {
      id = createExperience(doc, alice, { title: 'Pottery class', status: 'planned' }, at('2025-03-01T10:00:00Z'));
    });
    setExperienceStatus(a, alice, { itemId: id, status: 'done' }, at('2025-03-08T10:00:00Z'));
    setExperienceStatus(b, bob, { itemId: id, status: 'dropped' }, at('2025-03-08T10:00:01Z'));
    sync(a, b);
    const [item] = expectConverged(a, b).items;
    expect(['done', 'dropped']).toContain(item?.kind === 'experience' && item.status);
    const actions = item?.kind === 'experience' ? item.history.map((h) => h.action) : [];
    expect(actions).toEqual(expect.arrayContaining(['planned', 'done', 'dropped']));
  });

  it('keeps steps both partners add offline', () => {
    let id = '';
    const [a, b] = replicas((doc) => {
      id = createExperience(doc, alice, { title: 'Volunteer at the food bank' });
    });
    addStep(a, alice, { itemId: id, text: 'Call the coordinator', assignee: ALICE });
    addStep(b, bob, { itemId: id, text: 'Find a free Saturday', assignee: BOB });
    sync(a, b);
    const [item] = expectConverged(a, b).items;
    expect(item?.kind === 'experience' && item.steps.map((s) => s.text).sort()).toEqual(['Call the coordinator', 'Find a free Saturday']);
  });

  it('keeps one check-in per partner per day when two devices submit offline', () => {
    const [a, b] = replicas();
    addCheckin(a, alice, { date: '2025-03-02', mood: 2, feelings: ['tired'], need: 'sleep' });
    addCheckin(b, alice, { date: '2025-03-02', mood: 4, feelings: ['hopeful'], need: 'a walk' });
    sync(a, b);
    const board = expectConverged(a, b);
    expect(board.items.filter((i) => i.kind === 'checkin')).toHaveLength(1);
  });

  it("keeps both partners' promise outcomes written at the same time", () => {
    let id = '';
    const [a, b] = replicas((doc) => {
      id = createPromise(doc, alice, { text: 'Cook on Fridays', promiseeId: BOB, cadence: { type: 'weekly' } }, at('2025-02-20T09:00:00Z'));
      acceptPromise(doc, bob, { itemId: id }, at('2025-02-20T10:00:00Z'));
      markPromise(doc, alice, { itemId: id, outcome: 'missed', period: '2025-02-24' }, at('2025-03-01T20:00:00Z'));
    });
    markPromise(a, alice, { itemId: id, outcome: 'kept', period: '2025-03-03' }, at('2025-03-07T20:00:00Z'));
    confirmPromise(b, bob, { itemId: id, period: '2025-02-24' }, at('2025-03-07T20:00:01Z'));
    sync(a, b);
    const [item] = expectConverged(a, b).items;
    expect(item?.kind === 'promise' && item.outcomes).toMatchObject({
      '2025-02-24': { outcome: 'missed', confirmedBy: BOB },
      '2025-03-03': { outcome: 'kept', confirmedBy: null },
    });
  });
});
