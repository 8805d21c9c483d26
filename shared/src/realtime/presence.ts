import { z } from 'zod';
import { isRecord } from '../guards';

/**
 * Which board section someone is looking at, shared in their awareness state (`section`) on
 * each open document. A section name only: an item id could name an "only me" item.
 */
export const PresenceSection = z.enum(['experience', 'promise', 'card', 'checkin', 'appreciation']);
export type PresenceSection = z.infer<typeof PresenceSection>;

/** The section in an awareness state, or null when it has none or one this version does not know. */
export function presenceSectionOf(state: unknown): PresenceSection | null {
  const section = isRecord(state) ? state.section : undefined;
  const parsed = PresenceSection.safeParse(section);
  return parsed.success ? parsed.data : null;
}
