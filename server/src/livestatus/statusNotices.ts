import { counsellorOf, memberOf, nameOf, type SpaceSnapshot } from './snapshot';

/**
 * What changed between two snapshots, in sentences for one person. Own actions are left out
 * (the person's own screen already shows their result). A counsellor is told only what
 * concerns them, never which partner consented or still has to: their access is "pending"
 * until it is "active".
 */
export function noticesFor(before: SpaceSnapshot, after: SpaceSnapshot, userId: string, actorId: string | null): string[] {
  const me = memberOf(after, userId);
  if (!me) return [];
  const out: string[] = [];
  const name = (id: string) => (memberOf(after, id) ? nameOf(after, id) : nameOf(before, id));
  const byOther = actorId !== null && actorId !== userId;

  for (const m of after.dto.members) {
    if (memberOf(before, m.userId) || m.userId === userId) continue;
    if (m.role === 'partner') out.push(`${m.displayName} joined this space.`);
    else if (me.role === 'partner') out.push(`${m.displayName} joined as your counsellor. They see nothing until you both consent.`);
  }
  for (const m of before.dto.members) {
    if (memberOf(after, m.userId) || m.userId === userId) continue;
    if (m.role === 'partner') out.push(`${m.displayName} left this space.`);
    else if (me.role === 'partner') out.push(`${m.displayName} is no longer your counsellor.`);
  }

  for (const c of after.counsellors) {
    const was = counsellorOf(before, c.userId);
    if (!was) continue;
    const facilitation = was.canFacilitate !== c.canFacilitate ? c.canFacilitate : null;
    if (me.role === 'partner') {
      const consented = new Set(was.consentBy);
      for (const p of c.consentBy) {
        if (!consented.has(p) && p !== userId) out.push(`${name(p)} consented to ${c.displayName} seeing “us + counsellor” items.`);
      }
      if (c.access === 'active' && was.access !== 'active') out.push(`${c.displayName} can now see your “us + counsellor” items.`);
      if (c.access === 'withdrawn' && was.access !== 'withdrawn' && actorId !== userId) {
        out.push(byOther ? `${name(actorId!)} withdrew consent for ${c.displayName}.` : `Consent for ${c.displayName} was withdrawn.`);
      }
      if (c.access === 'expired' && was.access !== 'expired') out.push(`${c.displayName}’s access ended on its end date.`);
      if (facilitation !== null && byOther) {
        out.push(
          facilitation
            ? `${name(actorId!)} allowed ${c.displayName} to start, pause and advance exercises.`
            : `${name(actorId!)} stopped ${c.displayName} from starting, pausing and advancing exercises.`,
        );
      }
    } else if (c.userId === userId) {
      if (c.access === 'active' && was.access === 'pending')
        out.push('Both partners consented: you can now see their “us + counsellor” items.');
      if (facilitation !== null && c.access === 'active') {
        out.push(facilitation ? 'You may now start, pause and advance exercises.' : 'You may no longer start, pause or advance exercises.');
      }
    }
  }

  if (me.role === 'partner') {
    const asked0 = new Set(before.deletionRequestedBy);
    const asked1 = new Set(after.deletionRequestedBy);
    for (const p of asked1) {
      if (!asked0.has(p) && p !== userId) out.push(`${name(p)} asked to delete this space. It is deleted once you confirm too.`);
    }
    for (const p of asked0) {
      if (!asked1.has(p) && p !== userId && memberOf(after, p)) out.push(`${name(p)} took back the request to delete this space.`);
    }
  }
  return out;
}
