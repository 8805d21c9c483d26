import type { InsightContext } from './context';
import { speakerListenerOf, checkinRevealed, startedAtMs } from './exerciseResults';
import { renegotiatedOn } from './promises';
import { dateInZone, inWindow } from './time';
import type { Milestone } from './types';

export const TIMELINE_LIMIT = 40;

function clip(text: string, max = 120): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/**
 * The story of the repair in the couple's own words, oldest first: the first promise kept,
 * repairs (renegotiations), experiences done with what they wrote about them, hard
 * conversations held, needs understood, the first together check-in.
 */
export function timelineOf(ctx: InsightContext): Milestone[] {
  const { timeZone: tz } = ctx;
  const all: Milestone[] = [];

  // ISO date-times in UTC sort as strings, so the first kept period is found without parsing.
  let firstKept: { at: string; text: string; personId: string } | null = null;
  for (const p of ctx.promises) {
    for (const o of Object.values(p.outcomes)) {
      if (o.outcome !== 'kept' || o.confirmedAt === null) continue;
      if (!firstKept || o.confirmedAt < firstKept.at) firstKept = { at: o.confirmedAt, text: p.text, personId: p.promiserId };
    }
    const repaired = renegotiatedOn(p, tz);
    if (repaired) all.push({ date: repaired, kind: 'repair', text: clip(p.text), personId: null });
  }
  if (firstKept)
    all.push({ date: dateInZone(firstKept.at, tz), kind: 'first_promise_kept', text: clip(firstKept.text), personId: firstKept.personId });
  for (const streak of ctx.streaks) {
    if (streak.current < 4) continue;
    all.push({
      date: ctx.today,
      kind: 'streak',
      text: `${clip(streak.text)} — ${streak.current} ${streak.cadence === 'daily' ? 'days' : 'weeks'} in a row`,
      personId: streak.promiserId,
    });
  }

  for (const e of ctx.experiences) {
    if (e.status !== 'done' || e.doneAt === null) continue;
    const words = Object.values(e.reflections)
      .map((r) => r.learned.trim() || r.enjoyed.trim())
      .find(Boolean);
    all.push({
      date: dateInZone(e.doneAt, tz),
      kind: 'experience_done',
      text: words ? `${clip(e.title, 60)}: “${clip(words)}”` : clip(e.title),
      personId: null,
    });
  }

  for (const c of ctx.cards) {
    if (c.acknowledgedAt === null) continue;
    all.push({ date: dateInZone(c.acknowledgedAt, tz), kind: 'understood', text: clip(c.statement), personId: c.acknowledgedBy });
  }

  let firstTogether: Milestone | null = null;
  for (const x of ctx.exercises) {
    const date = dateInZone(startedAtMs(x), tz);
    if (x.kind === 'speaker_listener' && x.endedReason === 'completed') {
      const topic = speakerListenerOf(x)?.topic?.trim();
      all.push({ date, kind: 'hard_conversation', text: topic ? clip(topic) : 'A speaker–listener conversation', personId: null });
    }
    if (x.kind === 'checkin' && checkinRevealed(x) && (!firstTogether || date < firstTogether.date)) {
      firstTogether = { date, kind: 'first_together_checkin', text: 'Your first check-in together', personId: null };
    }
  }
  if (firstTogether) all.push(firstTogether);

  return all
    .filter((m) => inWindow(m.date, ctx.window))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind)))
    .slice(-TIMELINE_LIMIT);
}
