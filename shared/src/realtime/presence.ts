import { z } from 'zod';
import { isRecord } from '../guards';

/** The board's sections, as someone can be on them. */
export const BoardPresenceSection = z.enum(['experience', 'promise', 'card', 'checkin', 'appreciation']);
export type BoardPresenceSection = z.infer<typeof BoardPresenceSection>;

/**
 * Where in the space someone is, shared in their awareness state (`section`) on each open
 * document: a board section, or a view that is not the board ("Our journey"; on a phone also
 * Together and People). A name only: an item id could name an "only me" item.
 */
export const PresenceSection = z.enum([...BoardPresenceSection.options, 'journey', 'together', 'people']);
export type PresenceSection = z.infer<typeof PresenceSection>;

/** The section in an awareness state, or null when it has none or one this version does not know. */
export function presenceSectionOf(state: unknown): PresenceSection | null {
  const section = isRecord(state) ? state.section : undefined;
  const parsed = PresenceSection.safeParse(section);
  return parsed.success ? parsed.data : null;
}
