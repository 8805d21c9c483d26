import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardRuleError } from './errors';
import { readItemOfKind } from './read/readBoard';
import { createAppreciation, respondToAppreciation } from './ops/appreciationOps';
import { itemMapOf } from './docLayout';
import { canRespondToAppreciation } from './rules';
import { ALICE, BOB, alice, at, bob, carol } from '../../../test/helpers/boardActors';

describe('answering an appreciation', () => {
  it('lets the partner who received it send a heart and a short reply', () => {
    const doc = new Y.Doc();
    const id = createAppreciation(doc, alice, { toId: BOB, text: 'the soup when I was ill' });
    respondToAppreciation(doc, bob, { itemId: id, heart: true, reply: '  Any time.  ' }, at('2026-03-01T10:00:00.000Z'));
    expect(readItemOfKind(doc, id, 'appreciation')).toMatchObject({
      heartedAt: '2026-03-01T10:00:00.000Z',
      reply: 'Any time.',
      repliedAt: '2026-03-01T10:00:00.000Z',
      updatedBy: BOB,
    });
    // A second heart keeps the first moment; taking it back clears it; an empty reply clears the reply.
    respondToAppreciation(doc, bob, { itemId: id, heart: true }, at('2026-03-02T10:00:00.000Z'));
    expect(readItemOfKind(doc, id, 'appreciation').heartedAt).toBe('2026-03-01T10:00:00.000Z');
    respondToAppreciation(doc, bob, { itemId: id, heart: false, reply: '' });
    expect(readItemOfKind(doc, id, 'appreciation')).toMatchObject({ heartedAt: null, reply: '', repliedAt: null });
  });

  it('refuses the author, a counsellor, an empty answer and a long reply', () => {
    const doc = new Y.Doc();
    const id = createAppreciation(doc, alice, { toId: BOB, text: 'the flowers' });
    expect(() => respondToAppreciation(doc, alice, { itemId: id, heart: true })).toThrow(/only the partner who received/);
    expect(() => respondToAppreciation(doc, carol, { itemId: id, heart: true })).toThrow(BoardRuleError);
    expect(() => respondToAppreciation(doc, bob, { itemId: id })).toThrow(/heart or reply/);
    expect(() => respondToAppreciation(doc, bob, { itemId: id, reply: 'x'.repeat(281) })).toThrow(/reply/);
    const item = readItemOfKind(doc, id, 'appreciation');
    expect(item.heartedAt ?? null).toBeNull();
    expect(canRespondToAppreciation(item, BOB)).toBe(true);
    expect(canRespondToAppreciation(item, ALICE)).toBe(false);
  });

  it('still reads appreciations written before answers existed', () => {
    const doc = new Y.Doc();
    const id = createAppreciation(doc, alice, { toId: BOB, text: 'old note' });
    const map = itemMapOf(doc, id)!;
    for (const field of ['heartedAt', 'reply', 'repliedAt']) map.delete(field);
    expect(readItemOfKind(doc, id, 'appreciation').text).toBe('old note');
  });
});
