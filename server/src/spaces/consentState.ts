import type { CounsellorAccess } from '@hearth/shared/api';
import type { ConsentRecord } from './consent.model';
import type { MemberRecord, SpaceRecord } from './space.model';

export interface ConsentState {
  access: CounsellorAccess;
  /** Current partners whose consent stands right now. */
  consentBy: string[];
  /** The effective end of access: the earliest of the standing consents' limits. */
  until: Date | null;
}

/** The partner set a grant was given for: consent from before the last change is void. */
export function partnersEpoch(space: Pick<SpaceRecord, 'partnersChangedAt'>): number {
  return space.partnersChangedAt ? space.partnersChangedAt.getTime() : 0;
}

export function engagementOf(member: MemberRecord): number {
  return member.joinedAt.getTime();
}

/**
 * A counsellor's access, replayed from the consent records of their current engagement:
 * - any withdrawal ends it for this engagement (a new invite starts a new one);
 * - it is active while every current partner has a standing grant given for the current
 *   partner set, until the earliest of their limits;
 * - when that limit passes, every grant lapses at once: both partners must consent again;
 * - a grant that lapses while access was not active lapses alone.
 */
export function consentState(space: SpaceRecord, member: MemberRecord, now = new Date()): ConsentState {
  const counsellorId = member.userId.toString();
  const engagement = engagementOf(member);
  const epoch = partnersEpoch(space);
  const partners = space.members.filter((m) => m.role === 'partner').map((m) => m.userId.toString());
  const records = (space.consents ?? []).filter((c) => c.counsellorId === counsellorId && c.engagement === engagement).sort(byTime);
  if (records.some((c) => c.kind === 'withdrawn')) return { access: 'withdrawn', consentBy: [], until: null };

  const grants = new Map<string, number>();
  let ended = false;
  const allGranted = () => partners.length > 0 && partners.every((p) => grants.has(p));
  const advance = (t: number) => {
    if (allGranted()) {
      if (Math.min(...grants.values()) <= t) {
        grants.clear();
        ended = true;
      }
      return;
    }
    for (const [p, until] of grants) if (until <= t) grants.delete(p);
  };
  for (const c of records) {
    if (c.epoch !== epoch || !partners.includes(c.partnerId)) continue;
    advance(c.at.getTime());
    grants.set(c.partnerId, c.until ? c.until.getTime() : Number.POSITIVE_INFINITY);
    ended = false;
  }
  advance(now.getTime());
  const consentBy = partners.filter((p) => grants.has(p));
  const limits = consentBy.map((p) => grants.get(p)!).filter(Number.isFinite);
  const until = limits.length > 0 ? new Date(Math.min(...limits)) : null;
  return { access: allGranted() ? 'active' : ended ? 'expired' : 'pending', consentBy, until };
}

function byTime(a: ConsentRecord, b: ConsentRecord): number {
  return a.at.getTime() - b.at.getTime() || a._id.toString().localeCompare(b._id.toString());
}
