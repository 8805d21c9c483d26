import { computeJourney } from './computeJourney';
import {
  appreciationSummary,
  basisSummary,
  closenessSummary,
  communicationSummary,
  experienceSummary,
  keepRateSummary,
  MILESTONE_LABELS,
  moodSummary,
  nameOf,
  promiseSummary,
  streakSummary,
  understandingSummary,
} from './summaries';
import type { Journey, JourneyInput } from './types';

/**
 * The "Journey" section of the Markdown export: the same sentences and figures as the view
 * (same functions), for everything since the start. `escape` keeps the couple's words from
 * turning into Markdown structure.
 */
export function journeyMarkdown(input: Omit<JourneyInput, 'range'>, escape: (text: string) => string): string[] {
  const j = computeJourney({ ...input, range: 'all' });
  const out = ['## Journey', '', `_${basisSummary(j)} Weeks start on Monday in ${j.timeZone}._`, ''];
  out.push('### Keeping promises', '', `- ${promiseSummary(j)}`, `- ${keepRateSummary(j)}`, `- ${streakSummary(j)}`, '');
  out.push(...promiseTable(j));
  out.push('### Shared new experiences', '', `- ${experienceSummary(j)}`, `- ${closenessSummary(j)}`, '');
  out.push('### Open communication', '', `- ${communicationSummary(j)}`, '');
  out.push('### Time, space and understanding', '', `- ${understandingSummary(j)}`, '');
  out.push('### Check-ins and appreciations', '', `- ${moodSummary(j)}`, `- ${appreciationSummary(j)}`, '');
  if (j.timeline.length > 0) {
    out.push('### Milestones', '');
    for (const m of j.timeline) out.push(`- ${m.date} — ${MILESTONE_LABELS[m.kind]}: ${escape(m.text)}`);
    out.push('');
  }
  return out;
}

/** Per person: kept, missed, renegotiated and waiting, over the whole window. */
function promiseTable(j: Journey): string[] {
  const ids = Object.keys(j.promises.byPerson);
  if (ids.length === 0) return [];
  const rows = ids.map((id) => {
    const c = j.promises.byPerson[id]!;
    const who = nameOf(j, id);
    return `| ${who === 'You' ? 'Your promises' : `${who}’s promises`} | ${c.kept} | ${c.missed} | ${c.renegotiated} | ${c.waiting} |`;
  });
  return ['| | kept | missed | renegotiated | waiting |', '|---|---|---|---|---|', ...rows, ''];
}
