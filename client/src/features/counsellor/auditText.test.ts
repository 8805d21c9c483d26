import { describe, expect, it } from 'vitest';
import { auditLogLines, describeAuditEntry } from './auditText';

const names = new Map([
  ['c1', 'Dr Rivera'],
  ['p1', 'Alex'],
]);
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

  it('says which board a restore changed, never the raw target', () => {
    const entry = {
      at: '',
      actorId: 'p1',
      action: 'version.restored',
      target: 'couple:0123456789abcdef01234567@2026-02-01T09:30:00.000Z items:2',
    };
    const text = describeAuditEntry(entry, nameOf);
    expect(text).toMatch(/^Alex restored 2 items of the “Us” board as they were on .*2026/);
    expect(text).not.toContain('couple:');
  });

  it('names a deleted account "Former member"', () => {
    expect(describeAuditEntry({ at: '', actorId: 'gone', action: 'document.closed', target: 'notes:abc' }, nameOf)).toBe(
      'Former member closed their own counsellor notes',
    );
  });
});

describe('auditLogLines', () => {
  it('shows sessions newest first in local time, like the export', () => {
    const now = Date.parse('2026-02-03T15:00:00.000Z');
    const lines = auditLogLines(
      [
        { at: '2026-02-03T14:02:00.000Z', actorId: 'c1', action: 'document.opened', target: 'space:abc' },
        { at: '2026-02-03T14:14:00.000Z', actorId: 'c1', action: 'document.closed', target: 'space:abc' },
        { at: '2026-02-03T14:20:00.000Z', actorId: 'c1', action: 'export', target: 'export:json' },
      ],
      nameOf,
      now,
      'en-GB',
    );
    expect(lines.map((l) => l.text.replace(/\d\d:(\d\d)/, 'hh:$1'))).toEqual([
      'Dr Rivera exported the shared board · Tue hh:20',
      'Dr Rivera viewed the shared board · Tue hh:02 (12 min)',
    ]);
  });

  it('reads a restore in words on the access-log screen', () => {
    const now = Date.parse('2026-02-03T15:00:00.000Z');
    const [line] = auditLogLines(
      [
        {
          at: '2026-02-03T14:30:00.000Z',
          actorId: 'p1',
          action: 'version.restored',
          target: 'space:0123456789abcdef01234567@2026-02-01T09:30:00.000Z',
        },
      ],
      nameOf,
      now,
      'en-GB',
    );
    expect(line?.text).toMatch(/^Alex restored the “Us \+ counsellor” board as it was on .+ · Tue \d\d:30$/);
    expect(line?.text).not.toContain('space:');
  });
});
