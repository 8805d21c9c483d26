import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from './auditText';

const names = new Map([['c1', 'Dr Rivera']]);
const nameOf = (id: string) => names.get(id);

describe('describeAuditEntry', () => {
  it('says who did what in plain words', () => {
    expect(describeAuditEntry({ at: '', actorId: 'c1', action: 'document.opened', target: 'space:abc' }, nameOf)).toBe(
      'Dr Rivera opened the shared board',
    );
    expect(describeAuditEntry({ at: '', actorId: 'c1', action: 'export', target: 'export:md' }, nameOf)).toBe(
      'Dr Rivera exported the shared board (summary)',
    );
    expect(describeAuditEntry({ at: '', actorId: 'c1', action: 'exercise.observed', target: 'exercise:1' }, nameOf)).toBe(
      'Dr Rivera observed an exercise',
    );
  });

  it('names a deleted account "Former member"', () => {
    expect(describeAuditEntry({ at: '', actorId: 'gone', action: 'document.closed', target: 'notes:abc' }, nameOf)).toBe(
      'Former member closed their notes',
    );
  });
});
