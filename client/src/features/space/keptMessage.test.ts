import { describe, expect, it } from 'vitest';
import type { SpaceMemberDto } from '@hearth/shared/api';
import { keptMessage } from './keptMessage';

const members = [
  { userId: 'u1', displayName: 'Alex', role: 'partner' },
  { userId: 'u2', displayName: 'Sam', role: 'partner' },
] as SpaceMemberDto[];
const kept = { itemId: 'i1', label: 'Weekend', userId: null, name: null, updatedBy: null };

describe('the message when Undo keeps an item', () => {
  it('names who worked on it, from their live presence first', () => {
    expect(keptMessage([{ ...kept, userId: 'u2', name: 'Sam' }], members, 'u1')).toBe('Sam has worked on “Weekend” since — kept it.');
  });

  it('falls back to the item’s last editor, then to "Your partner"', () => {
    expect(keptMessage([{ ...kept, updatedBy: 'u2' }], members, 'u1')).toBe('Sam has worked on “Weekend” since — kept it.');
    expect(keptMessage([{ ...kept, updatedBy: 'u1', label: null }], members, 'u1')).toBe(
      'Your partner has worked on this since — kept it.',
    );
  });

  it('says so when it was this person on another screen', () => {
    expect(keptMessage([{ ...kept, userId: 'u1', name: 'Alex' }], members, 'u1')).toBe(
      'You have worked on “Weekend” on another screen since — kept it.',
    );
  });

  it('says why a step that would put back the partner’s tick was skipped', () => {
    expect(keptMessage([{ ...kept, userId: 'u2', reason: 'theirs' }], members, 'u1')).toBe(
      'Undo would put back Sam’s tick or mark on “Weekend” in your name — left it as it is.',
    );
  });

  it('counts further items kept in the same step', () => {
    expect(
      keptMessage(
        [
          { ...kept, name: 'Sam' },
          { ...kept, itemId: 'i2' },
        ],
        members,
        'u1',
      ),
    ).toBe('Sam has worked on “Weekend” (and 1 more) since — kept it.');
  });
});
