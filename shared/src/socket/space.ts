import { z } from 'zod';

/** Sent to a space's room when its members, invites or counsellor consent change. */
export const SpaceChangedPayload = z.object({ spaceId: z.string() });
export type SpaceChangedPayload = z.infer<typeof SpaceChangedPayload>;

export interface SpaceServerEvents {
  'space:changed': (payload: SpaceChangedPayload) => void;
}
