import { describe, expect, it } from 'vitest';
import type { HearthExport } from './export.types';
import { exportToMarkdown } from './exportMarkdown';
import { computeJourney, moodSummary, promiseSummary, basisSummary } from '@hearth/shared/insights';

const base = {
  id: 'x',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'a',
  archived: false,
  archivedAt: null,
  position: 'a0',
};

function sample(): HearthExport {
  return {
    format: 'hearth-export',
    formatVersion: 1,
    exportedAt: '2026-03-01T10:00:00.000Z',
    exportedBy: { id: 'a', displayName: 'Alex', email: 'a@example.test', role: 'partner' },
    space: {
      id: 's',
      name: 'Alex & Sam',
      createdAt: '2026-01-01T00:00:00.000Z',
      members: [
        { userId: 'a', displayName: 'Alex', role: 'partner', joinedAt: '2026-01-01T00:00:00.000Z' },
        { userId: 'b', displayName: 'Sam', role: 'partner', joinedAt: '2026-01-01T00:00:00.000Z' },
      ],
    },
    boards: [
      {
        document: 'couple:s',
        visibility: 'couple',
        schemaVersion: 1,
        unreadable: [],
        items: [
          { ...base, id: 'ap', createdBy: 'gone', kind: 'appreciation', fromId: 'gone', toId: 'a', text: '# not a heading [link](x)' },
          {
            ...base,
            id: 'ap2',
            createdBy: 'b',
            kind: 'appreciation',
            fromId: 'b',
            toId: 'a',
            text: 'the soup',
            heartedAt: '2026-02-01T10:00:00.000Z',
            reply: 'Any *time*',
            repliedAt: '2026-02-01T10:00:00.000Z',
          },
          {
            ...base,
            id: 'ci',
            createdBy: 'b',
            kind: 'checkin',
            userId: 'b',
            date: '2026-02-02',
            mood: 4,
            feelings: ['calm'],
            need: 'a walk',
            note: '',
          },
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

  it('has a Journey section with the same figures as the view, computed by the same functions', () => {
    const data = sample();
    const md = exportToMarkdown(data);
    const j = computeJourney({
      sources: data.boards.flatMap((b) => b.items.map((item) => ({ item, visibility: b.visibility }))),
      exercises: [],
      partners: [
        { id: 'a', name: 'Alex' },
        { id: 'b', name: 'Sam' },
      ],
      viewer: { id: 'a', role: 'partner' },
      timeZone: 'UTC',
      now: new Date(data.exportedAt),
      range: 'all',
    });
    expect(md).toContain('## Journey');
    expect(md).toContain(`_${basisSummary(j)} Weeks start on Monday in UTC._`);
    expect(basisSummary(j)).toBe('Built from 3 items you both see.');
    expect(md).toContain(`- ${promiseSummary(j)}`);
    expect(md).toContain(`- ${moodSummary(j)}`);
    expect(moodSummary(j)).toBe('Check-ins on 1 day since the start; Sam’s mood was 4.');
    // A counsellor's export leaves out the line of a partner who keeps it between the two of them.
    const forCounsellor = exportToMarkdown({
      ...data,
      exportedBy: { id: 'c', displayName: 'Robin', email: 'c@example.test', role: 'counsellor' },
      boards: [{ ...data.boards[0]!, document: 'space:s', visibility: 'space' }],
      journeySettings: { timeZone: 'Europe/Berlin', hiddenMoods: ['b'] },
    });
    expect(forCounsellor).toContain('Weeks start on Monday in Europe/Berlin.');
    expect(forCounsellor).toContain('- Sam keeps their mood line between the two of them.');
    expect(forCounsellor).toContain('Built from 2 items the couple shares with you.');
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
