import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { toCounsellorDto } from '../counsellor/counsellors.service';
import { counsellorAccess } from '../spaces/counsellorAccess';
import type { MemberRecord, SpaceRecord } from '../spaces/space.model';
import type { SpaceSnapshot } from './snapshot';
import { statusFor } from './statusView';

// Pure checks of who is told what, on hand-made snapshots (the integration tests drive the
// same code through the real server).
const id = () => new mongoose.Types.ObjectId();
const [alex, sam, robin] = [id(), id(), id()];
const names = new Map([
  [alex.toString(), 'Alex'],
  [sam.toString(), 'Sam'],
  [robin.toString(), 'Dr Rivera'],
]);

const joinedAt = new Date(Date.now() - 60 * 60_000);

/** The counsellor's consent as the partners gave it, turned into the stored consent records. */
interface CounsellorConsent {
  consentBy?: string[];
  withdrawnAt?: Date;
  until?: Date;
}

function snapshot(counsellor: CounsellorConsent, extra: Partial<SpaceRecord> = {}): SpaceSnapshot {
  const members: MemberRecord[] = [
    { userId: alex, role: 'partner', joinedAt: new Date() },
    { userId: sam, role: 'partner', joinedAt: new Date() },
    { userId: robin, role: 'counsellor', joinedAt },
  ];
  const record: SpaceRecord = {
    _id: new mongoose.Types.ObjectId('0123456789abcdef01234567'),
    name: 'Alex & Sam',
    members,
    memberIds: members.map((m) => m.userId),
    partnerCount: 2,
    deletionRequestedBy: [],
    createdAt: new Date(),
    updatedAt: new Date(),
    ...extra,
  };
  const at = new Date(joinedAt.getTime() + 60_000);
  const base = { spaceId: record._id, counsellorId: robin.toString(), engagement: joinedAt.getTime(), epoch: 0 };
  record.consents = [
    ...(counsellor.consentBy ?? []).map((partnerId) => ({
      ...base,
      _id: id(),
      partnerId,
      kind: 'granted' as const,
      at,
      until: counsellor.until ?? null,
    })),
    ...(counsellor.withdrawnAt
      ? [{ ...base, _id: id(), partnerId: sam.toString(), kind: 'withdrawn' as const, at: counsellor.withdrawnAt, until: null }]
      : []),
  ];
  // The same derivations the server's snapshot uses (access, consent), minus the database.
  const dto = {
    id: record._id.toString(),
    name: record.name,
    members: members.map((m) => ({
      userId: m.userId.toString(),
      displayName: names.get(m.userId.toString())!,
      role: m.role,
      ...(m.role === 'counsellor' ? { access: counsellorAccess(record, m) } : {}),
    })),
  };
  return {
    spaceId: record._id.toString(),
    name: record.name,
    dto,
    openInvites: [],
    deletionRequestedBy: record.deletionRequestedBy,
    counsellors: [toCounsellorDto(record, robin.toString(), 'Dr Rivera')],
  };
}

const spaceId = '0123456789abcdef01234567';
const notices = (status: ReturnType<typeof statusFor>) => (status?.state === 'open' ? status.notices : []);

describe('live status per person', () => {
  it('one partner consenting tells the other partner, and the counsellor nothing', () => {
    const before = snapshot({ consentBy: [] });
    const after = snapshot({ consentBy: [alex.toString()] });
    expect(notices(statusFor(after, before, spaceId, sam.toString(), alex.toString()))).toEqual([
      'Alex consented to Dr Rivera seeing “us + counsellor” items.',
    ]);
    expect(notices(statusFor(after, before, spaceId, alex.toString(), alex.toString()))).toEqual([]);
    const forCounsellor = statusFor(after, before, spaceId, robin.toString(), alex.toString());
    expect(forCounsellor).toMatchObject({ state: 'open', role: 'counsellor', partner: null, notices: [] });
  });

  it('a withdrawal ends the counsellor’s status naming who withdrew; a timer names nobody', () => {
    const before = snapshot({ consentBy: [alex.toString(), sam.toString()] });
    const after = snapshot({ consentBy: [alex.toString(), sam.toString()], withdrawnAt: new Date() });
    expect(statusFor(after, before, spaceId, robin.toString(), sam.toString())).toEqual({
      spaceId,
      state: 'ended',
      reason: 'withdrawn',
      message: 'Your access to Alex & Sam ended: Sam withdrew consent.',
    });
    expect(statusFor(after, null, spaceId, robin.toString(), null)).toMatchObject({
      message: 'Your access to Alex & Sam ended: a partner withdrew consent.',
    });
    // A decline while still pending names nobody: it would say which partner had not consented.
    const pending = snapshot({ consentBy: [alex.toString()] });
    const declined = snapshot({ consentBy: [alex.toString()], withdrawnAt: new Date() });
    expect(statusFor(declined, pending, spaceId, robin.toString(), sam.toString())).toMatchObject({
      reason: 'withdrawn',
      message: 'The invitation to accompany Alex & Sam was declined.',
    });
    const expired = snapshot({ consentBy: [alex.toString(), sam.toString()], until: new Date(Date.now() - 1000) });
    expect(statusFor(expired, before, spaceId, robin.toString(), null)).toMatchObject({ reason: 'expired' });
    expect(notices(statusFor(expired, before, spaceId, alex.toString(), null))).toEqual(['Dr Rivera’s access ended on its end date.']);
  });

  it('deletion: partners hear it was both of them, the counsellor that the couple deleted it; strangers get nothing', () => {
    const before = snapshot({});
    expect(statusFor(null, before, spaceId, alex.toString(), sam.toString())).toMatchObject({
      reason: 'deleted',
      message: 'This space was deleted by both partners.',
    });
    expect(statusFor(null, before, spaceId, robin.toString(), sam.toString())).toMatchObject({
      message: 'Your access to Alex & Sam ended: the couple deleted the space.',
    });
    expect(statusFor(null, before, spaceId, id().toString(), sam.toString())).toBeNull();
    expect(statusFor(before, null, spaceId, id().toString(), null)).toBeNull();
    // No earlier snapshot on this node (another node handled the last change): a watcher was a member.
    expect(statusFor(null, null, spaceId, alex.toString(), sam.toString(), true)).toMatchObject({
      reason: 'deleted',
      message: 'This space was deleted.',
    });
    expect(statusFor(null, null, spaceId, alex.toString(), sam.toString(), false)).toBeNull();
  });

  it('a deletion request is news to the other partner only', () => {
    const before = snapshot({});
    const after = snapshot({}, { deletionRequestedBy: [alex.toString()] });
    expect(notices(statusFor(after, before, spaceId, sam.toString(), alex.toString()))).toEqual([
      'Alex asked to delete this space. It is deleted once you confirm too.',
    ]);
    expect(notices(statusFor(after, before, spaceId, robin.toString(), alex.toString()))).toEqual([]);
    expect(notices(statusFor(before, after, spaceId, sam.toString(), alex.toString()))).toEqual([
      'Alex took back the request to delete this space.',
    ]);
  });
});
