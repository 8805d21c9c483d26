import type * as Y from 'yjs';
import { listCards, listPromises, type PromiseItem } from '@hearth/shared/board';
import type { ReminderKind, ReminderSettings } from '@hearth/shared/reminders';
import { minutesSince, type LocalTime } from './localTime';

/** A reminder that is due for one person now; `subject` + `period` make it unique. */
export interface Candidate {
  kind: ReminderKind;
  subject: string;
  period: string;
  text: string;
}

export interface PersonView {
  userId: string;
  /** The space's shared boards ("us", "us + counsellor"): both partners may read these. */
  shared: Y.Doc[];
  /** The person's own "only me" board: only their own reminders may quote it. */
  own: Y.Doc | null;
  partnerName: string;
  settings: ReminderSettings;
  local: LocalTime;
  now: number;
}

const WAITING_MS = 2 * 86_400_000;
/** The weekly review comes on Sunday evening; the daily check-in within 3 hours of its time. */
const REVIEW_WEEKDAY = 0;
const REVIEW_TIME = '18:00';
const CHECKIN_WINDOW_MIN = 180;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}”`;
}

function formatDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
}

/**
 * What is due for this person now, from the boards they can open. A partner's "only me"
 * board is never read, so no reminder can carry its content.
 */
export function candidatesFor(view: PersonView): Candidate[] {
  const { userId, settings, local, now, partnerName } = view;
  const out: Candidate[] = [];
  const mine = view.own ? [view.own, ...view.shared] : view.shared;
  const promises = (docs: Y.Doc[]): PromiseItem[] => docs.flatMap((d) => listPromises(d));
  const older = (iso: string | null | undefined) => iso != null && now - Date.parse(iso) >= WAITING_MS;

  if (settings.kinds.promiseDue) {
    for (const p of promises(mine)) {
      if (p.promiserId !== userId || p.status !== 'accepted' || p.cadence.type !== 'once') continue;
      const due = p.cadence.dueDate;
      if (due > local.date || p.outcomes[due]) continue;
      const when = due === local.date ? 'is due today' : `was due ${formatDate(due)}`;
      out.push({ kind: 'promiseDue', subject: p.id, period: due, text: `Your promise ${quote(p.text)} ${when}. How did it go?` });
    }
  }
  const toMe = promises(view.shared).filter((p) => p.promiseeId === userId);
  if (settings.kinds.confirmPeriod) {
    for (const p of toMe) {
      for (const [period, o] of Object.entries(p.outcomes)) {
        if (o.confirmedAt) continue;
        out.push({
          kind: 'confirmPeriod',
          subject: p.id,
          period,
          text: `${partnerName} marked ${quote(p.text)} ${o.outcome} for ${formatDate(period)} — confirm?`,
        });
      }
    }
  }
  if (settings.kinds.waitingOnMe) {
    for (const p of toMe) {
      if (p.status === 'proposed' && older(p.statusChangedAt)) {
        out.push({
          kind: 'waitingOnMe',
          subject: p.id,
          period: p.statusChangedAt,
          text: `${partnerName}'s promise ${quote(p.text)} is waiting for you to accept it.`,
        });
      }
      for (const [period, o] of Object.entries(p.outcomes)) {
        if (!o.confirmedAt && older(o.markedAt)) {
          out.push({
            kind: 'waitingOnMe',
            subject: `${p.id}:${period}`,
            period: o.markedAt,
            text: `${quote(p.text)} is still waiting for your confirmation.`,
          });
        }
      }
    }
    for (const doc of view.shared) {
      for (const c of listCards(doc)) {
        if (c.authorId === userId || c.acknowledgedBy || !older(c.createdAt)) continue;
        out.push({
          kind: 'waitingOnMe',
          subject: c.id,
          period: c.createdAt,
          text: `${partnerName}'s ${c.cardType} card is waiting for your “I understand”.`,
        });
      }
    }
  }
  if (settings.kinds.weeklyReview && local.weekday === REVIEW_WEEKDAY && local.time >= REVIEW_TIME) {
    out.push({ kind: 'weeklyReview', subject: 'review', period: local.week, text: 'Time for your weekly promise review together.' });
  }
  if (settings.kinds.dailyCheckin) {
    const since = minutesSince(local.time, settings.checkinTime);
    if (since >= 0 && since < CHECKIN_WINDOW_MIN) {
      out.push({ kind: 'dailyCheckin', subject: 'checkin', period: local.date, text: 'A moment for your daily check-in?' });
    }
  }
  return out;
}
