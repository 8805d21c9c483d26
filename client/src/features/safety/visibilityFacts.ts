import {
  VISIBILITIES,
  VISIBILITY_AUDIENCE,
  canChangeVisibility,
  canManageItem,
  defaultVisibilityFor,
  type ItemKind,
  type ItemOwnership,
  type Visibility,
} from '@hearth/shared/board';

/**
 * The facts the safety page states, computed from the rules the server and the board enforce
 * (the access table and rules.ts), so the page cannot drift from what really happens.
 */
export interface LevelFact {
  visibility: Visibility;
  partner: 'sees and edits' | 'cannot see';
  counsellor: 'reads, once you both consent' | 'cannot see';
}

export function levelFacts(): LevelFact[] {
  return VISIBILITIES.map((visibility) => ({
    visibility,
    partner: VISIBILITY_AUDIENCE[visibility].partner ? 'sees and edits' : 'cannot see',
    counsellor: VISIBILITY_AUDIENCE[visibility].counsellor ? 'reads, once you both consent' : 'cannot see',
  }));
}

export interface KindFact {
  kind: ItemKind;
  /** Where a new one starts. */
  startsAs: Visibility;
  /** Whether your partner may archive or delete one you wrote. */
  partnerCanRemove: boolean;
  /** Whether your partner may move one you created to another visibility. */
  partnerCanMove: boolean;
}

const ME = 'me';
const PARTNER = 'partner';

/** An item of each kind that "I" wrote, with just the fields the rules read. */
function mine(kind: ItemKind): ItemOwnership {
  switch (kind) {
    case 'card':
      return { kind, createdBy: ME, authorId: ME };
    case 'checkin':
      return { kind, createdBy: ME, userId: ME };
    case 'appreciation':
      return { kind, createdBy: ME, fromId: ME };
    case 'promise':
      return { kind, createdBy: ME, promiserId: ME, promiseeId: PARTNER };
    case 'experience':
      return { kind, createdBy: ME };
  }
}

export function kindFacts(kinds: readonly ItemKind[]): KindFact[] {
  return kinds.map((kind) => ({
    kind,
    startsAs: kind === 'card' ? defaultVisibilityFor('card', 'need') : defaultVisibilityFor(kind),
    partnerCanRemove: canManageItem(mine(kind), PARTNER),
    partnerCanMove: canChangeVisibility(mine(kind), PARTNER),
  }));
}
