import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardRuleError } from './errors';
import { readItemOfKind } from './read/readBoard';
import { acknowledgeCard, addCardComment, createCard, removeCardComment, updateCard } from './ops/cardOps';
import { setItemText, touchItem } from './ops/itemOps';
import { createAppreciation, respondToAppreciation, updateAppreciation } from './ops/appreciationOps';
import { canEditText } from './rules';
import { ALICE, BOB, alice, at, bob, carol } from '../../../test/helpers/boardActors';

describe('needs & boundaries cards', () => {
  it('lets only the author edit the statement, what helps and what to avoid', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, alice, {
      cardType: 'boundary',
      statement: 'I need us not to raise our voices',
      helps: 'A pause',
      revisitDate: '2025-06-01',
    });
    expect(() => updateCard(doc, bob, { itemId: id, statement: 'Rewritten by Bob' })).toThrow(BoardRuleError);
    expect(() => setItemText(doc, bob, { itemId: id, field: 'avoid', value: 'x' })).toThrow(/may not edit/);
    expect(() => updateCard(doc, carol, { itemId: id, helps: 'x' })).toThrow(/only the partners/);
    updateCard(doc, alice, { itemId: id, avoid: 'Shouting from another room', cardType: 'need' });
    const card = readItemOfKind(doc, id, 'card');
    expect(card).toMatchObject({
      authorId: ALICE,
      cardType: 'need',
      statement: 'I need us not to raise our voices',
      helps: 'A pause',
      avoid: 'Shouting from another room',
      revisitDate: '2025-06-01',
    });
    expect(canEditText(card, 'statement', ALICE)).toBe(true);
    expect(canEditText(card, 'statement', BOB)).toBe(false);
  });

  it('is acknowledged by the partner only, with the date', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, alice, { cardType: 'trigger', statement: 'Being left on read' });
    expect(() => acknowledgeCard(doc, alice, { itemId: id })).toThrow(/only your partner/);
    acknowledgeCard(doc, bob, { itemId: id }, at('2025-03-02T18:00:00Z'));
    expect(readItemOfKind(doc, id, 'card')).toMatchObject({ acknowledgedBy: BOB, acknowledgedAt: '2025-03-02T18:00:00.000Z' });
    acknowledgeCard(doc, bob, { itemId: id, understood: false });
    expect(readItemOfKind(doc, id, 'card')).toMatchObject({ acknowledgedBy: null, acknowledgedAt: null });
  });

  it('takes comments from both partners; each removes only their own', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, alice, { cardType: 'need', statement: 'A weekly evening for us' });
    const fromBob = addCardComment(doc, bob, { itemId: id, text: 'Thursdays work for me' });
    addCardComment(doc, alice, { itemId: id, text: 'Thursdays then' });
    expect(() => removeCardComment(doc, alice, { itemId: id, commentId: fromBob })).toThrow(/only its writer/);
    expect(() => addCardComment(doc, bob, { itemId: id, text: '   ' })).toThrow(/text: must not be empty/);
    removeCardComment(doc, bob, { itemId: id, commentId: fromBob });
    expect(readItemOfKind(doc, id, 'card').comments.map((c) => [c.by, c.text])).toEqual([[ALICE, 'Thursdays then']]);
  });

  it('marks an edit of the words by their author, never an answer to them', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, alice, { cardType: 'need', statement: 'Quiet mornings' }, at('2026-03-01T08:00:00Z'));
    acknowledgeCard(doc, bob, { itemId: id }, at('2026-03-02T08:00:00Z'));
    addCardComment(doc, bob, { itemId: id, text: 'Of course' }, at('2026-03-02T09:00:00Z'));
    touchItem(doc, bob, { itemId: id }, at('2026-03-02T10:00:00Z'));
    const answered = readItemOfKind(doc, id, 'card');
    expect(answered).toMatchObject({ updatedBy: BOB, updatedAt: '2026-03-02T10:00:00.000Z' });
    expect(answered.editedAt).toBeUndefined();
    updateCard(doc, alice, { itemId: id, helps: 'Tea' }, at('2026-03-03T08:00:00Z'));
    expect(readItemOfKind(doc, id, 'card')).toMatchObject({ editedAt: '2026-03-03T08:00:00.000Z', editedBy: ALICE });

    const thanks = createAppreciation(doc, alice, { toId: BOB, text: 'the soup' }, at('2026-03-01T08:00:00Z'));
    respondToAppreciation(doc, bob, { itemId: thanks, heart: true, reply: 'Any time' }, at('2026-03-02T08:00:00Z'));
    expect(readItemOfKind(doc, thanks, 'appreciation').editedAt).toBeUndefined();
    updateAppreciation(doc, alice, { itemId: thanks, text: 'the soup and the tea' }, at('2026-03-03T08:00:00Z'));
    expect(readItemOfKind(doc, thanks, 'appreciation')).toMatchObject({ editedAt: '2026-03-03T08:00:00.000Z', editedBy: ALICE });
  });
});
