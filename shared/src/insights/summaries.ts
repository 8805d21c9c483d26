import { CLOSENESS_KINDS, CLOSENESS_LABELS } from '../board';
import type { Journey, JourneyRange } from './types';

/**
 * The one-sentence summaries under each chart. The view and the Markdown export both use
 * these, so the figures a couple reads on screen and on paper are the same. Encouraging, never
 * ranking one partner against the other.
 */

const RANGE_PHRASES: Record<JourneyRange, string> = {
  '4w': 'in the last 4 weeks',
  '12w': 'in the last 12 weeks',
  '1y': 'in the last year',
  all: 'since the start',
};
const PREVIOUS_PHRASES: Record<JourneyRange, string> = {
  '4w': 'the 4 weeks before',
  '12w': 'the 12 weeks before',
  '1y': 'the year before',
  all: '',
};

export function rangePhrase(range: JourneyRange): string {
  return RANGE_PHRASES[range];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function subject(j: Journey): string {
  return j.viewer.role === 'partner' ? 'You' : 'They';
}

export function nameOf(j: Journey, id: string | null): string {
  if (id === null) return '';
  if (id === j.viewer.id) return 'You';
  return j.people.find((p) => p.id === id)?.name ?? 'Former partner';
}

export function basisSummary(j: Journey): string {
  const { byVisibility: v, exercises } = j.basis;
  const ex = exercises > 0 ? ` and ${plural(exercises, 'exercise')}` : '';
  if (j.viewer.role === 'counsellor') {
    return `Built from ${plural(v.space, 'item')} the couple shares with you${ex}.`;
  }
  const only = v.private > 0 ? `, ${v.private} only you see` : '';
  return `Built from ${plural(v.couple + v.space, 'item')} you both see${only}${ex}.`;
}

export function promiseSummary(j: Journey): string {
  const { totals, previous } = j.promises;
  const settled = totals.kept + totals.missed;
  const parts: string[] = [];
  if (settled === 0) {
    parts.push(`No promise periods were settled ${rangePhrase(j.range)} yet — there is time`);
  } else {
    let sentence = `${subject(j)} kept ${totals.kept} of ${plural(settled, 'promise period')} ${rangePhrase(j.range)}`;
    if (previous && previous.settled > 0) {
      const direction = totals.kept / settled >= previous.kept / previous.settled ? 'up from' : 'compared with';
      sentence += `, ${direction} ${previous.kept} of ${previous.settled} ${PREVIOUS_PHRASES[j.range]}`;
    }
    parts.push(sentence);
  }
  if (totals.renegotiated > 0) parts.push(`${plural(totals.renegotiated, 'promise was', 'promises were')} renegotiated — a repair`);
  if (totals.waiting > 0) parts.push(`${totals.waiting} ${totals.waiting === 1 ? 'is' : 'are'} waiting for confirmation`);
  return `${parts.join('; ')}.`;
}

function percent(kept: number, settled: number): string {
  return `${Math.round((100 * kept) / settled)}%`;
}

export function keepRateSummary(j: Journey): string {
  const points = j.promises.keepRate;
  const half = (list: typeof points) =>
    list.reduce((acc, p) => ({ kept: acc.kept + p.kept, settled: acc.settled + p.settled }), { kept: 0, settled: 0 });
  const first = half(points.slice(0, 6));
  const last = half(points.slice(6));
  if (first.settled + last.settled === 0) return 'No promise periods were settled in the last 12 weeks yet.';
  if (first.settled === 0 || last.settled === 0) {
    const all = { kept: first.kept + last.kept, settled: first.settled + last.settled };
    return `Over the last 12 weeks, ${percent(all.kept, all.settled)} of settled promise periods were kept.`;
  }
  return `Over the last 12 weeks the keep rate went from ${percent(first.kept, first.settled)} in the first six weeks to ${percent(last.kept, last.settled)} in the last six.`;
}

export function streakSummary(j: Journey): string {
  const best = j.promises.streaks[0];
  if (!best) return 'Streaks appear when a recurring promise is kept twice in a row.';
  if (best.current >= 2) {
    return `“${best.text}” has been kept ${best.current} ${best.cadence === 'daily' ? 'days' : 'weeks'} in a row.`;
  }
  return `The longest run so far: “${best.text}”, kept ${best.best} ${best.cadence === 'daily' ? 'days' : 'weeks'} in a row.`;
}

export function experienceSummary(j: Journey): string {
  const e = j.experiences;
  if (e.doneInRange === 0) {
    const planned = e.status.planned > 0 ? ` ${plural(e.status.planned, 'plan is', 'plans are')} waiting to happen.` : '';
    return `No experiences were marked done ${rangePhrase(j.range)}.${planned}`;
  }
  const reflections = e.reflections > 0 ? `, and wrote ${plural(e.reflections, 'reflection')} about them` : '';
  return `${subject(j)} did ${plural(e.doneInRange, 'new experience')} together ${rangePhrase(j.range)}${reflections}.`;
}

export function closenessSummary(j: Journey): string {
  const c = j.experiences.closeness;
  const fed = CLOSENESS_KINDS.filter((k) => c[k] > 0).sort((a, b) => c[b] - c[a]);
  if (fed.length === 0) return 'The experiences done so far have not been tagged with a kind of closeness.';
  const word = (k: (typeof CLOSENESS_KINDS)[number]) => CLOSENESS_LABELS[k].toLowerCase();
  const missing = CLOSENESS_KINDS.filter((k) => c[k] === 0).map(word);
  const list = fed.map((k) => `${word(k)} ${c[k]}`).join(', ');
  return `Closeness fed by the experiences done: ${list}${missing.length ? `; ${missing.join(' and ')} could be next` : ''}.`;
}

export function communicationSummary(j: Journey): string {
  const c = j.communication;
  const parts: string[] = [];
  if (c.exchanges > 0) {
    parts.push(
      `in ${plural(c.speakerListenerSessions, 'speaker–listener conversation')} the speaker felt heard on the first try ${c.heardFirstTime} of ${plural(c.exchanges, 'time')}`,
    );
  }
  if (c.deckTotal > 0) parts.push(`${plural(c.deckTotal, 'deck question')} answered`);
  if (c.togetherCheckins > 0) parts.push(`${plural(c.togetherCheckins, 'check-in')} completed together`);
  if (parts.length === 0) {
    // The counsellor sees only what they observed, and is not the one to start a check-in.
    if (j.viewer.role === 'counsellor') return `No results from exercises you observed ${rangePhrase(j.range)}.`;
    return `No exercises were held ${rangePhrase(j.range)}; a short check-in together is a gentle start.`;
  }
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} ${rangePhrase(j.range)}.`;
}

/** Under the question-deck chart: how many answered, across how many themes. */
export function deckThemeSummary(j: Journey): string {
  const c = j.communication;
  if (c.deckTotal === 0) return 'No deck questions answered in this time.';
  const themes = Object.values(c.deckAnswered).filter((n) => n > 0).length;
  return `${plural(c.deckTotal, 'deck question')} answered, across ${plural(themes, 'theme')}.`;
}

export function understandingSummary(j: Journey): string {
  const u = j.understanding;
  if (u.cards === 0) return 'No needs, boundaries or triggers are shared on the board yet.';
  const median = u.medianDaysToAcknowledge;
  const wait = median === null ? '' : median < 1 ? ', usually within a day' : `, after a median of ${plural(Math.round(median), 'day')}`;
  const revisit = u.revisited > 0 ? `; ${plural(u.revisited, 'card was', 'cards were')} revisited on their date` : '';
  return `${plural(u.acknowledgedInRange, 'need, boundary or trigger was', 'needs, boundaries and triggers were')} met with “I understand” ${rangePhrase(j.range)}${wait}${revisit}.`;
}

export function moodSummary(j: Journey): string {
  const m = j.moods;
  const hidden = m.hidden.map((id) => `${nameOf(j, id)} keeps their mood line between the two of them`).join('; ');
  if (m.series.length === 0) {
    return hidden ? `${hidden}.` : `No check-ins ${rangePhrase(j.range)} yet.`;
  }
  const lines = m.series.map((s) => {
    const moods = s.points.map((p) => p.mood);
    const low = Math.min(...moods);
    const high = Math.max(...moods);
    const who = nameOf(j, s.personId);
    return `${who === 'You' ? 'your' : `${who}’s`} mood ${low === high ? `was ${low}` : `ranged from ${low} to ${high}`}`;
  });
  const base = `Check-ins on ${plural(m.checkinDays, 'day')} ${rangePhrase(j.range)}; ${lines.join(' and ')}`;
  return `${base}${hidden ? `; ${hidden}` : ''}.`;
}

/** Who wrote to whom: "to each other" only when both did. */
export function appreciationSummary(j: Journey): string {
  const { total, byAuthor } = j.appreciations;
  if (total === 0) {
    if (j.viewer.role === 'counsellor') return `No appreciations shared with you ${rangePhrase(j.range)}.`;
    return `No appreciations ${rangePhrase(j.range)} yet — a small thank-you counts.`;
  }
  const [only] = byAuthor;
  if (byAuthor.length === 1 && only) {
    const to = only.toId === j.viewer.id ? 'you' : nameOf(j, only.toId);
    return `${nameOf(j, only.fromId)} wrote ${plural(only.count, 'appreciation')} to ${to} ${rangePhrase(j.range)}.`;
  }
  return `${subject(j)} wrote ${plural(total, 'appreciation')} to each other ${rangePhrase(j.range)}.`;
}

export const MILESTONE_LABELS: Record<Journey['timeline'][number]['kind'], string> = {
  first_promise_kept: 'First promise kept',
  streak: 'A promise kept again and again',
  repair: 'A promise renegotiated — a repair',
  experience_done: 'An experience shared',
  hard_conversation: 'A conversation held',
  understood: '“I understand”',
  first_together_checkin: 'First check-in together',
};
