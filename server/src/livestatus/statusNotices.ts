import type { MemberRecord } from '../spaces/space.model';
import { counsellorAccess, findMember } from '../spaces/counsellorAccess';
import { consentState } from '../spaces/consentState';
import { nameOf, type SpaceSnapshot } from './snapshot';

/**
 * What changed between two snapshots, in sentences for one person. Own actions are left out
 * (the person's own screen already shows their result). A counsellor is told only what
 * concerns them, never which partner consented or still has to: their access is "pending"
 * until it is "active".
 */
export function noticesFor(before: SpaceSnapshot, after: SpaceSnapshot, userId: string, actorId: string | null, now = new Date()): string[] {
  const me = findMember(after.record, userId);
  if (!me) return [];
  const out: string[] = [];
  const name = (id: string) => (after.names.has(id) ? nameOf(after, id) : nameOf(before, id));
  const byOther = actorId !== null && actorId !== userId;
  const ids = (members: MemberRecord[]) => new Set(members.map((m) => m.userId.toString()));
  const beforeIds = ids(before.record.members);
  const afterIds = ids(after.record.members);

  for (const m of after.record.members) {
    const id = m.userId.toString();
    if (beforeIds.has(id) || id === userId) continue;
    if (m.role === 'partner') out.push(`${name(id)} joined this space.`);
    else if (me.role === 'partner') out.push(`${name(id)} joined as your counsellor. They see nothing until you both consent.`);
  }
  for (const m of before.record.members) {
    const id = m.userId.toString();
    if (afterIds.has(id) || id === userId) continue;
    if (m.role === 'partner') out.push(`${name(id)} left this space.`);
    else if (me.role === 'partner') out.push(`${name(id)} is no longer your counsellor.`);
  }

  for (const c of after.record.members) {
    const id = c.userId.toString();
    const was = findMember(before.record, id);
    if (c.role !== 'counsellor' || !was) continue;
    const a0 = counsellorAccess(before.record, was, now);
    const a1 = counsellorAccess(after.record, c, now);
    const facilitation = (was.canFacilitate === true) !== (c.canFacilitate === true) ? c.canFacilitate === true : null;
    if (me.role === 'partner') {
      const cname = name(id);
      const consented0 = new Set(consentState(before.record, was, now).consentBy);
      for (const p of consentState(after.record, c, now).consentBy) {
        if (!consented0.has(p) && p !== userId) out.push(`${name(p)} consented to ${cname} seeing “us + counsellor” items.`);
      }
      if (a1 === 'active' && a0 !== 'active') out.push(`${cname} can now see your “us + counsellor” items.`);
      if (a1 === 'withdrawn' && a0 !== 'withdrawn' && actorId !== userId) {
        out.push(byOther ? `${name(actorId!)} withdrew consent for ${cname}.` : `Consent for ${cname} was withdrawn.`);
      }
      if (a1 === 'expired' && a0 !== 'expired') out.push(`${cname}’s access ended on its end date.`);
      if (facilitation !== null && byOther) {
        out.push(
          facilitation
            ? `${name(actorId!)} allowed ${cname} to start, pause and advance exercises.`
            : `${name(actorId!)} stopped ${cname} from starting, pausing and advancing exercises.`,
        );
      }
    } else if (id === userId) {
      if (a1 === 'active' && a0 === 'pending') out.push('Both partners consented: you can now see their “us + counsellor” items.');
      if (facilitation !== null && a1 === 'active') {
        out.push(facilitation ? 'You may now start, pause and advance exercises.' : 'You may no longer start, pause or advance exercises.');
      }
    }
  }

  if (me.role === 'partner') {
    const asked0 = new Set(before.record.deletionRequestedBy ?? []);
    const asked1 = new Set(after.record.deletionRequestedBy ?? []);
    for (const p of asked1) {
      if (!asked0.has(p) && p !== userId) out.push(`${name(p)} asked to delete this space. It is deleted once you confirm too.`);
    }
    for (const p of asked0) {
      if (!asked1.has(p) && p !== userId && afterIds.has(p)) out.push(`${name(p)} took back the request to delete this space.`);
    }
  }
  return out;
}
