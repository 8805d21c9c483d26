import type { ConsentBody, CounsellorAccessDto } from '@hearth/shared/api';
import { AppError } from '../platform/errors';
import type { HearthEvents } from '../platform/events';
import { counsellorAccess, findMember } from './counsellorAccess';
import { Space, type SpaceRecord } from './space.model';
import { spaceForPartner } from './spaces.service';

export function toAccessDto(space: SpaceRecord, counsellorId: string): CounsellorAccessDto {
  const member = findMember(space, counsellorId);
  if (!member || member.role !== 'counsellor') throw new AppError('not_found', 'No such counsellor in this space.');
  return {
    spaceId: space._id.toString(),
    userId: counsellorId,
    access: counsellorAccess(space, member),
    consentBy: member.consentBy ?? [],
    until: member.until ? member.until.toISOString() : null,
  };
}

/**
 * A partner grants or withdraws consent for a counsellor. Granting adds this partner to the
 * consent set (and may set an end date); withdrawing ends access for good — the counsellor
 * needs a new invite, so a withdrawal can never be silently undone by the other partner.
 */
export async function setConsent(
  spaceId: string,
  partnerId: string,
  counsellorId: string,
  body: ConsentBody,
  events: HearthEvents,
): Promise<CounsellorAccessDto> {
  const space = await spaceForPartner(spaceId, partnerId);
  const member = findMember(space, counsellorId);
  if (!member || member.role !== 'counsellor') throw new AppError('not_found', 'No such counsellor in this space.');
  if (member.withdrawnAt) throw new AppError('conflict', 'Access was withdrawn; invite the counsellor again.');
  if (body.until && new Date(body.until).getTime() <= Date.now()) {
    throw new AppError('invalid_input', 'until: must be in the future');
  }
  const consentBy = new Set(member.consentBy ?? []);
  const members = space.members.map((m) => {
    if (m.userId.toString() !== counsellorId) return m;
    if (!body.granted) return { ...m, withdrawnAt: new Date() };
    consentBy.add(partnerId);
    return { ...m, consentBy: [...consentBy], until: body.until ? new Date(body.until) : (m.until ?? undefined) };
  });
  // Optimistic concurrency: the write applies only if nobody changed the space meanwhile.
  const result = await Space.updateOne({ _id: space._id, updatedAt: space.updatedAt }, { $set: { members } });
  if (result.modifiedCount !== 1) throw new AppError('conflict', 'The space changed meanwhile; try again.');
  events.emit('access:changed', { spaceId, userId: counsellorId });
  events.emit('space:changed', { spaceId });
  const updated = await Space.findById(space._id).lean<SpaceRecord>();
  return toAccessDto(updated!, counsellorId);
}
