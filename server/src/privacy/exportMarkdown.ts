import { ITEM_KINDS, type BoardItem } from '@hearth/shared/board';
import { JourneyExercise, journeyMarkdown } from '@hearth/shared/insights';
import { auditEvents, describeAuditEvent, formatUtc } from '@hearth/shared/audit';
import type { ExportBoard, HearthExport } from './export.types';

const FORMER_MEMBER = 'Former member';

const BOARD_TITLES: Record<ExportBoard['visibility'], string> = {
  space: 'Shared with our counsellor (us + counsellor)',
  couple: 'Just us',
  private: 'Only me',
};

const KIND_TITLES: Record<BoardItem['kind'], string> = {
  experience: 'Experiences',
  promise: 'Promises',
  card: 'Needs, boundaries and triggers',
  checkin: 'Check-ins',
  appreciation: 'Appreciations',
};

/** A readable summary of an export, to print or bring to a session. Archived items are marked. */
export function exportToMarkdown(data: HearthExport): string {
  const names = new Map(data.space.members.map((m) => [m.userId, m.displayName]));
  const who = (id: string | null | undefined) => (id ? (names.get(id) ?? FORMER_MEMBER) : '—');
  const out: string[] = [];
  out.push(`# ${escape(data.space.name)}`, '');
  out.push(`Exported by ${escape(data.exportedBy.displayName)} (${data.exportedBy.role}) on ${data.exportedAt.slice(0, 10)}.`, '');
  out.push('## Members', '');
  for (const m of data.space.members) out.push(`- ${escape(m.displayName)} — ${m.role}${m.access ? ` (${m.access})` : ''}`);
  out.push('');
  out.push(...journeyLines(data));

  for (const board of data.boards) {
    out.push(`## ${BOARD_TITLES[board.visibility]}`, '');
    if (board.items.length === 0 && board.unreadable.length === 0) out.push('_Nothing here yet._', '');
    for (const kind of ITEM_KINDS) {
      const items = board.items.filter((i) => i.kind === kind);
      if (items.length === 0) continue;
      out.push(`### ${KIND_TITLES[kind]}`, '');
      for (const item of items) out.push(...itemLines(item, who));
      out.push('');
    }
    if (board.unreadable.length > 0) out.push(`_${board.unreadable.length} item(s) could not be read; see the JSON export._`, '');
  }

  if (data.notes) {
    out.push(
      '## My notes',
      '',
      data.notes.text.trim() ? data.notes.text.trim().split(/\r?\n/).map(escape).join('  \n') : '_No notes yet._',
      '',
    );
  }
  if (data.exercises.length > 0) {
    out.push('## Exercises', '');
    for (const e of data.exercises) {
      out.push(`- ${e.kind} — ${e.status}, started ${e.startedAt.slice(0, 16).replace('T', ' ')} by ${who(e.startedBy)}`);
    }
    out.push('');
  }
  if (data.audit.length > 0) {
    out.push('## Counsellor access log', '');
    // The same sessions and words as the app's access log, in UTC since a file has no time zone.
    for (const event of auditEvents(data.audit)) out.push(`- ${escape(describeAuditEvent(event, who, formatUtc))}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The same figures as the journey view, from exactly what this export holds. */
function journeyLines(data: HearthExport): string[] {
  const exercises = data.exercises.flatMap((e) => {
    const parsed = JourneyExercise.safeParse({ ...e, results: e.data });
    return parsed.success ? [parsed.data] : [];
  });
  return journeyMarkdown(
    {
      sources: data.boards.flatMap((b) => b.items.map((item) => ({ item, visibility: b.visibility }))),
      exercises,
      partners: data.space.members.filter((m) => m.role === 'partner').map((m) => ({ id: m.userId, name: m.displayName })),
      viewer: { id: data.exportedBy.id, role: data.exportedBy.role },
      timeZone: data.journeySettings?.timeZone ?? 'UTC',
      now: new Date(data.exportedAt),
      hiddenMoods: data.journeySettings?.hiddenMoods ?? [],
    },
    escape,
  );
}

function itemLines(item: BoardItem, who: (id: string) => string): string[] {
  const archived = item.archived ? ' _(archived)_' : '';
  switch (item.kind) {
    case 'experience': {
      const lines = [`- **${escape(item.title) || 'Untitled'}** — ${item.status}, ${item.category.replace(/_/g, ' ')}${archived}`];
      if (item.where) lines.push(`  - Where: ${escape(item.where)}`);
      if (item.notes) lines.push(`  - Notes: ${escape(item.notes)}`);
      for (const step of item.steps) lines.push(`  - [${step.done ? 'x' : ' '}] ${escape(step.text)}`);
      for (const [userId, r] of Object.entries(item.reflections)) {
        if (r.enjoyed || r.learned) lines.push(`  - ${who(userId)} enjoyed: ${escape(r.enjoyed)}; learned: ${escape(r.learned)}`);
      }
      return lines;
    }
    case 'promise':
      return [
        `- ${who(item.promiserId)} to ${who(item.promiseeId)}: “${escape(item.text)}” — ${item.status} (${item.cadence.type})${archived}`,
      ];
    case 'card': {
      const lines = [`- **${item.cardType}** by ${who(item.authorId)}: ${escape(item.statement)}${archived}`];
      if (item.helps) lines.push(`  - What helps: ${escape(item.helps)}`);
      if (item.avoid) lines.push(`  - Please avoid: ${escape(item.avoid)}`);
      if (item.acknowledgedBy) lines.push(`  - Understood by ${who(item.acknowledgedBy)}`);
      for (const c of item.comments) lines.push(`  - ${who(c.by)}: ${escape(c.text)}`);
      return lines;
    }
    case 'checkin': {
      const feelings = item.feelings.length ? `, feeling ${item.feelings.map(escape).join(', ')}` : '';
      const need = item.need ? `; needs: ${escape(item.need)}` : '';
      return [`- ${item.date} ${who(item.userId)}: mood ${item.mood}/5${feelings}${need}${item.note ? ` — ${escape(item.note)}` : ''}`];
    }
    case 'appreciation': {
      const lines = [`- ${who(item.fromId)} to ${who(item.toId)}: ${escape(item.text)}${archived}`];
      if (item.heartedAt) lines.push(`  - ♥ ${who(item.toId)} loved this`);
      if (item.reply) lines.push(`  - ${who(item.toId)} replied: ${escape(item.reply)}`);
      return lines;
    }
    default:
      return [];
  }
}

/** Keeps people's words from turning into Markdown structure (headings, links, HTML). */
function escape(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
