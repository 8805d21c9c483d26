import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from './consent.model';
import { consentState } from './consentState';
import type { MemberRecord, SpaceRecord } from './space.model';

const A = new Types.ObjectId();
const B = new Types.ObjectId();
const C = new Types.ObjectId();
const T0 = Date.UTC(2026, 0, 1);
const at = (min: number) => new Date(T0 + min * 60_000);

function space(
  consents: Array<Partial<ConsentRecord> & Pick<ConsentRecord, 'partnerId' | 'kind'>>,
  opts: { epoch?: number; joined?: number } = {},
) {
  const counsellor: MemberRecord = { userId: C, role: 'counsellor', joinedAt: at(opts.joined ?? 0) };
  const s: SpaceRecord = {
    _id: new Types.ObjectId(),
    name: 'S',
    members: [{ userId: A, role: 'partner', joinedAt: at(0) }, { userId: B, role: 'partner', joinedAt: at(0) }, counsellor],
    memberIds: [A, B, C],
    partnerCount: 2,
    deletionRequestedBy: [],
    partnersChangedAt: at(opts.epoch ?? 0),
    createdAt: at(0),
    updatedAt: at(0),
    consents: consents.map((c, i) => ({
      _id: new Types.ObjectId(),
      spaceId: new Types.ObjectId(),
      counsellorId: C.toString(),
      at: at(i + 1),
      until: null,
      engagement: at(opts.joined ?? 0).getTime(),
      epoch: at(opts.epoch ?? 0).getTime(),
      ...c,
    })),
  };
  return { s, counsellor };
}

const a = A.toString();
const b = B.toString();

describe('consentState', () => {
  it('is active only with both partners, until the earlier limit', () => {
    const { s, counsellor } = space([
      { partnerId: a, kind: 'granted', until: at(60) },
      { partnerId: b, kind: 'granted', until: at(30) },
    ]);
    expect(consentState(s, counsellor, at(10))).toEqual({ access: 'active', consentBy: [a, b], until: at(30) });
    expect(consentState(s, counsellor, at(31)).access).toBe('expired');
  });

  it('after expiry both must consent again: one renewed grant is not enough', () => {
    const { s, counsellor } = space([
      { partnerId: a, kind: 'granted', until: at(10) },
      { partnerId: b, kind: 'granted', until: at(600) },
      { partnerId: a, kind: 'granted', until: at(900), at: at(20) },
    ]);
    expect(consentState(s, counsellor, at(21))).toMatchObject({ access: 'pending', consentBy: [a] });
  });

  it('a withdrawal ends the engagement; a new engagement starts from nothing', () => {
    const old = at(0).getTime();
    const records = [
      { partnerId: a, kind: 'granted' as const, engagement: old },
      { partnerId: b, kind: 'granted' as const, engagement: old },
      { partnerId: b, kind: 'withdrawn' as const, engagement: old },
    ];
    const withdrawn = space(records);
    expect(consentState(withdrawn.s, withdrawn.counsellor, at(10)).access).toBe('withdrawn');
    const reinvited = space(records, { joined: 5 });
    expect(consentState(reinvited.s, reinvited.counsellor, at(10)).access).toBe('pending');
  });

  it('grants given for another set of partners do not count', () => {
    const { s, counsellor } = space([
      { partnerId: a, kind: 'granted', epoch: 0 },
      { partnerId: b, kind: 'granted', epoch: 0 },
    ]);
    const changed = { ...s, partnersChangedAt: at(3) };
    expect(consentState(changed, counsellor, at(10)).access).toBe('pending');
  });

  it('without its consent records a space gives no access', () => {
    const { s, counsellor } = space([]);
    expect(consentState({ ...s, consents: undefined }, counsellor, at(1)).access).toBe('pending');
  });
});
