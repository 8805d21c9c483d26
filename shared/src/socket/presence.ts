import { z } from 'zod';

const SpaceId = z.string().regex(/^[a-f0-9]{24}$/, 'a space id');

export const PresenceJoinPayload = z.strictObject({ spaceId: SpaceId });
export type PresenceJoinPayload = z.infer<typeof PresenceJoinPayload>;

/** Where on the board someone is: a section name only (item ids could name an "only me" item). */
export const PresenceUpdatePayload = z.strictObject({
  spaceId: SpaceId,
  section: z.enum(['experience', 'promise', 'card', 'checkin', 'appreciation']),
});
export type PresenceUpdatePayload = z.infer<typeof PresenceUpdatePayload>;

export interface PresencePerson {
  userId: string;
  displayName: string;
  /** Counsellors always appear as observers. */
  role: 'partner' | 'observer';
  section: string | null;
}

export interface PresenceState {
  spaceId: string;
  people: PresencePerson[];
}

export type PresenceAck = { ok: true; presence: PresenceState } | { ok: false; error: { code: string; message: string } };

export interface PresenceClientEvents {
  'presence:join': (payload: PresenceJoinPayload, ack: (res: PresenceAck) => void) => void;
  'presence:update': (payload: PresenceUpdatePayload) => void;
  'presence:leave': (payload: PresenceJoinPayload) => void;
}

export interface PresenceServerEvents {
  'presence:state': (state: PresenceState) => void;
  /** Your access to this space ended (left, removed, consent withdrawn or expired). */
  'space:access-revoked': (payload: { spaceId: string }) => void;
}
