import { describe, expect, it } from 'vitest';
import { docNameOfCollection, snapshotCollectionName } from './collabCollections';
import { segmentName, segmentOpenedAt } from './journal';

const SPACE = '0123456789abcdef01234567';
const USER = 'fedcba9876543210fedcba98';

describe('collection names', () => {
  it('maps every document name to its collection and back', () => {
    for (const name of [`space:${SPACE}`, `couple:${SPACE}`, `notes:${SPACE}:${USER}`, `private:${SPACE}:${USER}`]) {
      expect(docNameOfCollection(snapshotCollectionName(name))).toBe(name);
    }
  });

  it('refuses names that are not Hearth documents', () => {
    expect(() => snapshotCollectionName('space:../../etc')).toThrow();
    expect(docNameOfCollection('collab_journal_abc_123')).toBeNull();
    expect(docNameOfCollection('users')).toBeNull();
  });

  it('journal segment names carry their opening time and sort by it', () => {
    const a = segmentName(1_700_000_000_000);
    const b = segmentName(1_700_000_010_000);
    expect(segmentOpenedAt(a)).toBe(1_700_000_000_000);
    expect([b, a].sort()).toEqual([a, b]);
    expect(segmentOpenedAt(snapshotCollectionName(`space:${SPACE}`))).toBeNull();
  });
});
