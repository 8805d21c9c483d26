import { z } from 'zod';

const SpaceId = z.string().regex(/^[a-f0-9]{24}$/, 'a space id');

export const PresenceJoinPayload = z.strictObject({ spaceId: SpaceId });
export type PresenceJoinPayload = z.infer<typeof PresenceJoinPayload>;

/** Where on the board someone is: a section name and, when editing, the item id. */
export const PresenceUpdatePayload = z.strictObject({
  spaceId: SpaceId,
  section: z.string().trim().min(1).max(40),
  itemId: z.string().max(64).nullable().optional(),
});
export type PresenceUpdatePayload = z.infer<typeof PresenceUpdatePayload>;

export interface PresencePerson {
  userId: string;
  displayName: string;
  /** Counsellors always appear as observers. */
  role: 'partner' | 'observer';
  section: string | null;
  itemId: string | null;
  /** How many tabs/devices this person has open in the space. */
  connections: number;
}

export interface PresenceState {
  spaceId: string;
  people: PresencePerson[];
}

export type PresenceAck =
  | { ok: true; presence: PresenceState }
  | { ok: false; error: { code: string; message: string } };

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
