import { z } from 'zod';

const SpaceId = z.string().regex(/^[a-f0-9]{24}$/, 'a space id');

/** Sent to a space's room when its members, invites or counsellor consent change. */
export const SpaceChangedPayload = z.object({ spaceId: z.string() });
export type SpaceChangedPayload = z.infer<typeof SpaceChangedPayload>;

/** Join (or leave) a space's room, to hear `space:changed` and `space:access-revoked`. */
export const SpaceJoinPayload = z.strictObject({ spaceId: SpaceId });
export type SpaceJoinPayload = z.infer<typeof SpaceJoinPayload>;

/** Counsellors always join as observers. */
export type SpaceJoinAck = { ok: true; role: 'partner' | 'observer' } | { ok: false; error: { code: string; message: string } };

export interface SpaceClientEvents {
  'space:join': (payload: SpaceJoinPayload, ack: (res: SpaceJoinAck) => void) => void;
  'space:leave': (payload: SpaceJoinPayload) => void;
}

export interface SpaceServerEvents {
  'space:changed': (payload: SpaceChangedPayload) => void;
  /** Your access to this space ended (left, removed, consent withdrawn or expired). */
  'space:access-revoked': (payload: { spaceId: string }) => void;
  /**
   * An entry was added to this space's counsellor access log (a visit started or ended, an
   * export, ...). Sent to the space's partners only, who alone read the log.
   */
  'space:access-logged': (payload: SpaceChangedPayload) => void;
}
