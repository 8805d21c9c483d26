import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ITEMS_KEY, type AppreciationItem, type CardItem } from '@hearth/shared/board';
import { carryOver } from './carryOver';
import { pairCopy } from './movePairing';
import type { RuleActor } from './ruleContext';

const alex: RuleActor = { userId: 'alex', partnerIds: ['alex', 'sam'] };
const sam: RuleActor = { userId: 'sam', partnerIds: ['alex', 'sam'] };
const at = '2026-11-30T08:00:00.000Z';
const later = '2026-11-30T08:05:00.000Z';

const base = {
  id: 'card-1',
  createdBy: 'alex',
  createdAt: at,
  updatedAt: at,
  updatedBy: 'alex',
  archived: false,
  archivedAt: null,
  position: 'a0',
};

function card(fields: Partial<CardItem> = {}): CardItem {
  return {
    ...base,
    kind: 'card',
    authorId: 'alex',
    cardType: 'need',
    statement: 'Quiet evenings',
    helps: '',
    avoid: '',
    acknowledgedBy: null,
    acknowledgedAt: null,
    revisitDate: null,
    comments: [{ id: 'c1', by: 'sam', at, text: 'Seen it' }],
    ...fields,
  };
}
function appreciation(fields: Partial<AppreciationItem> = {}): AppreciationItem {
  return {
    ...base,
    kind: 'appreciation',
    fromId: 'alex',
    toId: 'sam',
    text: 'Thank you',
    heartedAt: null,
    reply: '',
    repliedAt: null,
    ...fields,
  };
}
const samsNewComment = { id: 'c2', by: 'sam', at: later, text: 'Me too' };

describe('pairCopy', () => {
  it('pairs an exact copy and carries nothing', () => {
    expect(pairCopy(card(), card({ updatedAt: later }), alex)).toEqual({ additions: null });
  });

  it("pairs the creator's copy that lacks the partner's newest comment, and carries it", () => {
    const original = card({ comments: [...card().comments, samsNewComment], updatedBy: 'sam', updatedAt: later });
    expect(pairCopy(original, card(), alex)).toEqual({ additions: { comments: [samsNewComment], fields: {} } });
  });

  it("pairs the creator's copy that lacks the partner's acknowledgement, and carries it", () => {
    const original = card({ acknowledgedBy: 'sam', acknowledgedAt: later, updatedBy: 'sam', updatedAt: later });
    expect(pairCopy(original, card(), alex)).toEqual({
      additions: { comments: [], fields: { acknowledgedBy: 'sam', acknowledgedAt: later } },
    });
  });

  it('refuses to pair a copy holding an acknowledgement or comment the original lacks', () => {
    expect(pairCopy(card(), card({ acknowledgedBy: 'sam', acknowledgedAt: later }), alex)).toBeNull();
    expect(pairCopy(card(), card({ comments: [...card().comments, samsNewComment] }), alex)).toBeNull();
  });

  it("does not excuse the creator's copy that changes the partner's content", () => {
    const original = card({ comments: [...card().comments, samsNewComment] });
    expect(pairCopy(original, card({ comments: [{ ...card().comments[0]!, text: 'FORGED' }] }), alex)).toBeNull();
  });

  it("pairs the creator's copy of an appreciation that lacks the recipient's heart and reply, and carries them", () => {
    const thanks = appreciation();
    const answered = appreciation({ heartedAt: later, reply: 'Any time', repliedAt: later, updatedBy: 'sam', updatedAt: later });
    expect(pairCopy(answered, thanks, alex)).toEqual({
      additions: { comments: [], fields: { heartedAt: later, reply: 'Any time', repliedAt: later } },
    });
    expect(pairCopy(thanks, appreciation({ heartedAt: later }), alex)).toBeNull();
  });

  it("pairs nobody's copy but the creator's", () => {
    const original = card({ comments: [...card().comments, samsNewComment] });
    expect(pairCopy(original, card(), sam)).toBeNull();
  });
});

describe('carryOver', () => {
  it('writes the partner’s comments and acknowledgement into the copy once', () => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    doc.getMap(ITEMS_KEY).set('card-1', map);
    map.set('kind', 'card');
    map.set('acknowledgedBy', null);
    map.set('acknowledgedAt', null);
    map.set('comments', Y.Array.from([card().comments[0]!]));
    const additions = { comments: [samsNewComment], fields: { acknowledgedBy: 'sam', acknowledgedAt: later } };
    carryOver(doc, 'card-1', additions);
    carryOver(doc, 'card-1', additions);
    const json = map.toJSON() as Partial<CardItem>;
    expect(json.comments).toEqual([...card().comments, samsNewComment]);
    expect([json.acknowledgedBy, json.acknowledgedAt]).toEqual(['sam', later]);
  });
});
