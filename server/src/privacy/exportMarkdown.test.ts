import { describe, expect, it } from 'vitest';
import type { HearthExport } from './export.types';
import { exportToMarkdown } from './exportMarkdown';

const base = {
  id: 'x', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'a',
  archived: false, archivedAt: null, position: 'a0',
};

function sample(): HearthExport {
  return {
    format: 'hearth-export',
    formatVersion: 1,
    exportedAt: '2026-03-01T10:00:00.000Z',
    exportedBy: { id: 'a', displayName: 'Alex', email: 'a@example.test', role: 'partner' },
    space: {
      id: 's', name: 'Alex & Sam', createdAt: '2026-01-01T00:00:00.000Z',
      members: [
        { userId: 'a', displayName: 'Alex', role: 'partner', joinedAt: '2026-01-01T00:00:00.000Z' },
        { userId: 'b', displayName: 'Sam', role: 'partner', joinedAt: '2026-01-01T00:00:00.000Z' },
      ],
    },
    boards: [
      {
        document: 'couple:s', visibility: 'couple', schemaVersion: 1, unreadable: [],
        items: [
          { ...base, id: 'ap', createdBy: 'gone', kind: 'appreciation', fromId: 'gone', toId: 'a', text: '# not a heading [link](x)' },
          {
            ...base, id: 'ap2', createdBy: 'b', kind: 'appreciation', fromId: 'b', toId: 'a', text: 'the soup',
            heartedAt: '2026-02-01T10:00:00.000Z', reply: 'Any *time*', repliedAt: '2026-02-01T10:00:00.000Z',
          },
          { ...base, id: 'ci', createdBy: 'b', kind: 'checkin', userId: 'b', date: '2026-02-02', mood: 4, feelings: ['calm'], need: 'a walk', note: '' },
        ],
      },
      { document: 'private:s:a', visibility: 'private', schemaVersion: null, items: [], unreadable: [] },
    ],
    notes: null,
    exercises: [],
    audit: [
      { at: '2026-02-03T09:30:00.000Z', actorId: 'c', action: 'export', target: 'export:json' },
      { at: '2026-02-03T09:00:00.000Z', actorId: 'b', action: 'document.opened', target: 'space:s' },
      { at: '2026-02-03T09:12:00.000Z', actorId: 'b', action: 'document.closed', target: 'space:s' },
    ],
  };
}

describe('exportToMarkdown', () => {
  it('renders boards by kind with names, and an empty board says so', () => {
    const md = exportToMarkdown(sample());
    expect(md).toMatch(/^# Alex & Sam\n/);
    expect(md).toContain('## Just us');
    expect(md).toContain('### Check-ins');
    expect(md).toContain('- 2026-02-02 Sam: mood 4/5, feeling calm; needs: a walk');
    expect(md).toMatch(/## Only me\n\n_Nothing here yet._/);
  });

  it('shows unknown ids as "Former member" and escapes what people typed', () => {
    const md = exportToMarkdown(sample());
    expect(md).toContain('- Former member to Alex: \\# not a heading \\[link\\](x)');
    expect(md).toContain('- Former member exported the shared board · Tue 3 Feb 2026 09:30 UTC');
    expect(md).not.toMatch(/^# not a heading/m);
  });

  it('includes the heart and the reply an appreciation received', () => {
    const md = exportToMarkdown(sample());
    expect(md).toContain('- Sam to Alex: the soup\n  - ♥ Alex loved this\n  - Alex replied: Any \\*time\\*');
  });

  it('writes the access log as sessions in the app’s words, never raw codes', () => {
    const md = exportToMarkdown(sample());
    expect(md).toContain('- Sam viewed the shared board · Tue 3 Feb 2026 09:00 UTC (12 min)');
    expect(md).not.toMatch(/document\.opened|space:s/);
  });
});
