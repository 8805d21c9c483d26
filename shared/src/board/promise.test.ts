import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardRuleError } from './errors';
import { readItemOfKind } from './read/readBoard';
import { acceptPromise, createPromise, renegotiatePromise, updatePromise } from './ops/promiseOps';
import { confirmPromise, markPromise } from './ops/promiseOutcomes';
import { promisesDueSince } from './ops/promiseSchedule';
import { BOB, CAROL, alice, at, bob, carol } from '../../../test/helpers/boardActors';

function rejects(code: BoardRuleError['code'], run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BoardRuleError);
    expect((error as BoardRuleError).code).toBe(code);
    return;
  }
  throw new Error(`expected a ${code} BoardRuleError`);
}

function proposed(doc: Y.Doc, cadence: Parameters<typeof createPromise>[2]['cadence']): string {
  return createPromise(doc, alice, { text: 'Put the phone away at dinner', promiseeId: BOB, cadence }, at('2025-03-01T08:00:00Z'));
}

describe('promises', () => {
  it('runs proposed → accepted → kept → confirmed, each step in the history', () => {
    const doc = new Y.Doc();
    const id = proposed(doc, { type: 'once', dueDate: '2025-03-05' });
    acceptPromise(doc, bob, { itemId: id }, at('2025-03-01T09:00:00Z'));
    markPromise(doc, alice, { itemId: id, outcome: 'kept', note: 'every night' }, at('2025-03-05T21:00:00Z'));
    confirmPromise(doc, bob, { itemId: id }, at('2025-03-06T07:00:00Z'));
    const item = readItemOfKind(doc, id, 'promise');
    expect(item).toMatchObject({ status: 'kept', acceptedAt: '2025-03-01T09:00:00.000Z' });
    expect(item.outcomes['2025-03-05']).toMatchObject({ outcome: 'kept', confirmedBy: BOB, note: 'every night' });
    expect(item.history.map((h) => [h.action, h.by])).toEqual([
      ['proposed', alice.userId],
      ['accepted', BOB],
      ['kept', alice.userId],
      ['confirmed', BOB],
    ]);
  });

  it('lets only the promisee accept and confirm, and only the promiser mark', () => {
    const doc = new Y.Doc();
    const id = proposed(doc, { type: 'once', dueDate: '2025-03-05' });
    rejects('forbidden', () => acceptPromise(doc, alice, { itemId: id }));
    rejects('conflict', () => markPromise(doc, alice, { itemId: id, outcome: 'kept' }));
    acceptPromise(doc, bob, { itemId: id });
    rejects('forbidden', () => markPromise(doc, bob, { itemId: id, outcome: 'kept' }));
    rejects('forbidden', () => markPromise(doc, carol, { itemId: id, outcome: 'kept' }));
    rejects('conflict', () => confirmPromise(doc, bob, { itemId: id }));
    markPromise(doc, alice, { itemId: id, outcome: 'kept' });
    // Marked once is enough: the same mark again is refused; a change is not, until confirmed.
    rejects('conflict', () => markPromise(doc, alice, { itemId: id, outcome: 'kept' }));
    markPromise(doc, alice, { itemId: id, outcome: 'missed' });
    expect(readItemOfKind(doc, id, 'promise').history.map((h) => h.action)).toEqual(['proposed', 'accepted', 'kept', 'missed']);
    rejects('forbidden', () => confirmPromise(doc, alice, { itemId: id }));
    confirmPromise(doc, bob, { itemId: id });
    rejects('conflict', () => markPromise(doc, alice, { itemId: id, outcome: 'kept' }));
    expect(readItemOfKind(doc, id, 'promise').status).toBe('missed');
  });

  it('allows edits only by the promiser and only while proposed', () => {
    const doc = new Y.Doc();
    const id = proposed(doc, { type: 'daily' });
    rejects('forbidden', () => updatePromise(doc, bob, { itemId: id, text: 'Something else' }));
    updatePromise(doc, alice, { itemId: id, text: 'Phone in the drawer at dinner' });
    acceptPromise(doc, bob, { itemId: id });
    rejects('conflict', () => updatePromise(doc, alice, { itemId: id, text: 'Sneaky change' }));
    expect(readItemOfKind(doc, id, 'promise').text).toBe('Phone in the drawer at dinner');
  });

  it('validates input and names the bad field', () => {
    const doc = new Y.Doc();
    expect(() => createPromise(doc, alice, { text: '', promiseeId: BOB, cadence: { type: 'daily' } })).toThrow(/text: must not be empty/);
    rejects('invalid_input', () => createPromise(doc, alice, { text: 'x', promiseeId: CAROL, cadence: { type: 'daily' } }));
    rejects('invalid_input', () =>
      createPromise(doc, alice, {
        text: 'x',
        promiseeId: BOB,
        cadence: { type: 'once', dueDate: '2025-02-30' },
      }),
    );
    rejects('invalid_input', () =>
      createPromise(doc, alice, { text: 'x', promiseeId: BOB, cadence: { type: 'daily' }, extra: 1 } as never),
    );
  });

  it('renegotiates a missed promise into a linked new version', () => {
    const doc = new Y.Doc();
    const old = proposed(doc, { type: 'once', dueDate: '2025-03-05' });
    acceptPromise(doc, bob, { itemId: old });
    markPromise(doc, alice, { itemId: old, outcome: 'missed' }, at('2025-03-06T08:00:00Z'));
    const next = renegotiatePromise(
      doc,
      bob,
      {
        itemId: old,
        text: 'Phone away at dinner on weekdays',
        cadence: { type: 'daily' },
        note: 'smaller step',
      },
      at('2025-03-06T09:00:00Z'),
    );
    const oldItem = readItemOfKind(doc, old, 'promise');
    const newItem = readItemOfKind(doc, next, 'promise');
    expect(oldItem).toMatchObject({ status: 'renegotiated', renegotiatedInto: next });
    expect(newItem).toMatchObject({
      status: 'proposed',
      renegotiatedFrom: old,
      promiserId: alice.userId,
      promiseeId: BOB,
      createdBy: BOB,
      text: 'Phone away at dinner on weekdays',
    });
    expect(newItem.position > oldItem.position).toBe(true);
    // No permanent "missed" mark stays on the renegotiated promise.
    expect(oldItem.outcomes).toEqual({});
    expect(oldItem.history.map((h) => h.action)).not.toContain('missed');
    expect(JSON.stringify(doc.getMap('items').toJSON())).not.toContain('missed');
    rejects('conflict', () => renegotiatePromise(doc, alice, { itemId: old, text: 'again' }));
    rejects('invalid_input', () =>
      renegotiatePromise(
        doc,
        alice,
        { itemId: next, text: 'later', cadence: { type: 'once', dueDate: '2025-01-01' } },
        at('2025-03-06T10:00:00Z'),
      ),
    );
  });

  it('gives a renegotiated one-off promise a new due date when only new words are given', () => {
    // The promise review's renegotiate action carries only the text.
    const doc = new Y.Doc();
    const old = proposed(doc, { type: 'once', dueDate: '2025-03-05' });
    acceptPromise(doc, bob, { itemId: old });
    markPromise(doc, alice, { itemId: old, outcome: 'missed' }, at('2025-03-06T08:00:00Z'));
    const next = renegotiatePromise(doc, alice, { itemId: old, text: 'Phone away at Sunday dinner' }, at('2025-03-06T09:00:00Z'));
    expect(readItemOfKind(doc, next, 'promise').cadence).toEqual({ type: 'once', dueDate: '2025-03-13' });
  });

  it('tracks recurring promises per period and lists what is due since a review', () => {
    const doc = new Y.Doc();
    const weekly = proposed(doc, { type: 'weekly' });
    acceptPromise(doc, bob, { itemId: weekly }, at('2025-03-01T09:00:00Z'));
    const daily = proposed(doc, { type: 'daily' });
    acceptPromise(doc, bob, { itemId: daily }, at('2025-03-04T09:00:00Z'));
    const once = proposed(doc, { type: 'once', dueDate: '2025-02-20' });
    acceptPromise(doc, bob, { itemId: once });
    proposed(doc, { type: 'daily' }); // not accepted yet: never due

    // Saturday 1 March is in the week starting Monday 24 February.
    expect(markPromise(doc, alice, { itemId: weekly, outcome: 'kept' }, at('2025-03-01T20:00:00Z'))).toBe('2025-02-24');
    confirmPromise(doc, bob, { itemId: weekly }, at('2025-03-02T08:00:00Z'));
    rejects('invalid_input', () => markPromise(doc, alice, { itemId: weekly, outcome: 'kept', period: '2025-03-04' }));
    rejects('invalid_input', () =>
      markPromise(doc, alice, { itemId: daily, outcome: 'kept', period: '2025-03-09' }, at('2025-03-06T10:00:00Z')),
    );
    expect(readItemOfKind(doc, weekly, 'promise').status).toBe('accepted');

    const due = promisesDueSince(doc, '2025-03-01', '2025-03-06');
    const byId = Object.fromEntries(due.map((d) => [d.promise.id, d.periods]));
    expect(byId).toEqual({
      // Last week's period was kept and confirmed after 1 March: a review since then shows it too.
      [weekly]: ['2025-02-24', '2025-03-03'],
      [daily]: ['2025-03-04', '2025-03-05', '2025-03-06'],
      // Overdue before the review window, still unsettled.
      [once]: ['2025-02-20'],
    });
    // From a later moment: only what is still open.
    const later = promisesDueSince(doc, '2025-03-02T09:00:00.000Z', '2025-03-06');
    expect(later.find((d) => d.promise.id === weekly)?.periods).toEqual(['2025-03-03']);
  });
});
