import type { ConsentBody, CounsellorAccessDto } from '@hearth/shared/api';
import { AppError } from '../platform/errors';
import type { HearthEvents } from '../platform/events';
import { Consent } from './consent.model';
import { consentState, engagementOf, partnersEpoch } from './consentState';
import { findMember } from './counsellorAccess';
import type { SpaceRecord } from './space.model';
import { spaceForPartner } from './spaces.service';
import { loadSpace } from './spaceWrites';

export function toAccessDto(space: SpaceRecord, counsellorId: string): CounsellorAccessDto {
  const member = findMember(space, counsellorId);
  if (!member || member.role !== 'counsellor') throw new AppError('not_found', 'No such counsellor in this space.');
  const state = consentState(space, member);
  return {
    spaceId: space._id.toString(),
    userId: counsellorId,
    access: state.access,
    consentBy: state.consentBy,
    until: state.until ? state.until.toISOString() : null,
  };
}

const ATTEMPTS = 5;

/**
 * A partner grants or withdraws consent for a counsellor. Each decision is one inserted
 * record (consent.model.ts), so nothing written concurrently to the space can undo it.
 * Access is active only while every current partner's consent stands, until the earliest of
 * their limits; a withdrawal ends it for this engagement — the counsellor needs a new invite.
 * The answer is computed from a fresh read after the insert: if a partner joined or left, or
 * the counsellor was re-invited in between, the decision is made again for the new state
 * (a withdrawal) or refused with 409 (a grant given for a partner set that no longer exists).
 */
export async function setConsent(
  spaceId: string,
  partnerId: string,
  counsellorId: string,
  body: ConsentBody,
  events: HearthEvents,
): Promise<CounsellorAccessDto> {
  if (body.until && new Date(body.until).getTime() <= Date.now()) {
    throw new AppError('invalid_input', 'until: must be in the future');
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const space = await spaceForPartner(spaceId, partnerId);
    const member = findMember(space, counsellorId);
    if (!member || member.role !== 'counsellor') throw new AppError('not_found', 'No such counsellor in this space.');
    if (consentState(space, member).access === 'withdrawn') {
      if (!body.granted) return toAccessDto(space, counsellorId);
      throw new AppError('conflict', 'Access was withdrawn; invite the counsellor again.');
    }
    const engagement = engagementOf(member);
    const epoch = partnersEpoch(space);
    await Consent.create({
      spaceId: space._id,
      counsellorId,
      partnerId,
      kind: body.granted ? 'granted' : 'withdrawn',
      at: new Date(),
      until: body.granted && body.until ? new Date(body.until) : null,
      engagement,
      epoch,
    });
    events.emit('access:changed', { spaceId, userId: counsellorId });
    events.emit('space:changed', { spaceId });

    const after = await loadSpace(spaceId);
    const now = after && findMember(after, counsellorId);
    if (!after || !now || now.role !== 'counsellor' || findMember(after, partnerId)?.role !== 'partner') {
      throw new AppError('not_found', 'No such counsellor in this space.');
    }
    if (engagementOf(now) === engagement && (!body.granted || partnersEpoch(after) === epoch)) {
      return toAccessDto(after, counsellorId);
    }
    if (body.granted) throw new AppError('conflict', 'The people in this space changed meanwhile; consent again.');
  }
  throw new AppError('conflict', 'The space changed meanwhile; try again.');
}
