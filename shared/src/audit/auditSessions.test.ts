import { describe, expect, it } from 'vitest';
import { auditEvents, describeAuditEvent, formatDuration, formatUtc, type AuditLine } from './auditSessions';

const DOC = 'space:0123456789abcdef01234567';
const line = (at: string, action: string, actorId = 'lee', target = DOC): AuditLine => ({
  at: `2026-02-03T${at}:00.000Z`,
  actorId,
  action,
  target,
});
const names = (id: string) => ({ lee: 'Dr. Lee', kim: 'Dr. Kim' })[id] ?? 'Former member';

describe('auditEvents', () => {
  it('pairs an open and a close into one session', () => {
    const events = auditEvents([line('14:02', 'document.opened'), line('14:14', 'document.closed')]);
    expect(events).toEqual([
      { type: 'session', actorId: 'lee', target: DOC, start: '2026-02-03T14:02:00.000Z', end: '2026-02-03T14:14:00.000Z' },
    ]);
    expect(describeAuditEvent(events[0]!, names, formatUtc)).toBe('Dr. Lee viewed the shared board · Tue 3 Feb 2026 14:02 UTC (12 min)');
  });

  it('counts two tabs open at once as one session that ends when the last closes', () => {
    const events = auditEvents([
      line('10:00', 'document.opened'),
      line('10:05', 'document.opened'),
      line('10:20', 'document.closed'),
      line('10:30', 'document.closed'),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ start: '2026-02-03T10:00:00.000Z', end: '2026-02-03T10:30:00.000Z' });
  });

  it('joins a reconnect within a minute, and starts a new session after a longer gap', () => {
    const events = auditEvents([
      { ...line('10:00', 'document.opened') },
      { ...line('10:10', 'document.closed') },
      { ...line('10:10', 'document.opened'), at: '2026-02-03T10:10:30.000Z' },
      line('10:15', 'document.closed'),
      line('11:00', 'document.opened'),
      line('11:03', 'document.closed'),
    ]);
    expect(events.map((e) => e.type === 'session' && [e.start?.slice(11, 16), e.end?.slice(11, 16)])).toEqual([
      ['11:00', '11:03'],
      ['10:00', '10:15'],
    ]);
  });

  it('keeps counsellors and documents apart, and lists newest first with single events', () => {
    const events = auditEvents([
      line('09:00', 'document.opened', 'lee'),
      line('09:01', 'document.opened', 'kim'),
      line('09:02', 'exercise.observed', 'kim', 'exercise:e1'),
      line('09:30', 'document.closed', 'kim'),
      line('09:40', 'document.closed', 'lee'),
      line('09:45', 'export', 'lee', 'export:md'),
    ]);
    const text = events.map((e) => describeAuditEvent(e, names, (iso) => iso.slice(11, 16)));
    expect(text).toEqual([
      'Dr. Lee exported the shared board as a summary · 09:45',
      'Dr. Kim observed a live exercise · 09:02',
      'Dr. Kim viewed the shared board · 09:01 (29 min)',
      'Dr. Lee viewed the shared board · 09:00 (40 min)',
    ]);
  });

  it('says when a session is still open, or when only its end is known', () => {
    const open = auditEvents([line('08:00', 'document.opened')]);
    expect(describeAuditEvent(open[0]!, names, (iso) => iso.slice(11, 16))).toBe('Dr. Lee viewed the shared board · 08:00 (still open)');
    const orphan = auditEvents([line('08:00', 'document.closed', 'gone', 'notes:0123456789abcdef01234567')]);
    expect(describeAuditEvent(orphan[0]!, names, (iso) => iso.slice(11, 16))).toBe(
      'Former member opened their own counsellor notes · until 08:00',
    );
  });

  it('says which board a restore changed and to when, never the raw target', () => {
    const text = (target: string) => {
      const [event] = auditEvents([line('10:15', 'version.restored', 'alex', target)]);
      return describeAuditEvent(event!, (id) => (id === 'alex' ? 'Alex' : names(id)), formatUtc);
    };
    expect(text('couple:0123456789abcdef01234567@2026-02-01T09:30:00.000Z')).toBe(
      'Alex restored the “Us” board as it was on Sun 1 Feb 2026 09:30 UTC · Tue 3 Feb 2026 10:15 UTC',
    );
    expect(text('space:0123456789abcdef01234567@2026-02-01T09:30:00.000Z items:1')).toBe(
      'Alex restored 1 item of the “Us + counsellor” board as it was on Sun 1 Feb 2026 09:30 UTC · Tue 3 Feb 2026 10:15 UTC',
    );
    expect(text('private:0123456789abcdef01234567:0123456789abcdef01234568@2026-02-01T09:30:00.000Z items:3')).toBe(
      'Alex restored 3 items of their “Only me” board as they were on Sun 1 Feb 2026 09:30 UTC · Tue 3 Feb 2026 10:15 UTC',
    );
    expect(text('garbled')).toBe('Alex restored a board · Tue 3 Feb 2026 10:15 UTC');
  });

  it('never shows raw codes for an unknown action', () => {
    const [event] = auditEvents([line('08:00', 'board.printed', 'lee', 'space:x')]);
    expect(describeAuditEvent(event!, names, () => 'then')).toBe('Dr. Lee board printed · then');
  });
});

describe('formatDuration', () => {
  it('reads like a person would say it', () => {
    expect(formatDuration(10_000)).toBe('under 1 min');
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration(60 * 60_000)).toBe('1 h');
    expect(formatDuration(65 * 60_000)).toBe('1 h 5 min');
  });
});
