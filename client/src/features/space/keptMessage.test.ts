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
    expect(keptMessage([{ ...kept, userId: 'u2', name: 'Sam' }], members, 'u1')).toBe(
      'Undo left “Weekend” as it is: Sam has changed it since.',
    );
  });

  it('falls back to the item’s last editor, then to "your partner"', () => {
    expect(keptMessage([{ ...kept, updatedBy: 'u2' }], members, 'u1')).toBe('Undo left “Weekend” as it is: Sam has changed it since.');
    expect(keptMessage([{ ...kept, updatedBy: 'u1', label: null }], members, 'u1')).toBe(
      'Undo left this as it is: your partner has changed it since.',
    );
  });

  it('says so when it was this person on another screen', () => {
    expect(keptMessage([{ ...kept, userId: 'u1', name: 'Alex' }], members, 'u1')).toBe(
      'Undo left “Weekend” as it is: you have changed it on another screen since.',
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
    ).toBe('Undo left “Weekend” (and 1 more) as it is: Sam has changed them since.');
  });
});
