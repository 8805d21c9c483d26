/**
 * Socket.io room names, built only here. A space's room holds every socket that joined the
 * space (presence or exercises); a user's room holds every socket of that person; a status
 * room holds every screen following a space's live status.
 */
const SPACE_PREFIX = 'space:';

/** The room every member socket of a space joins. */
export function spaceRoom(spaceId: string): string {
  return `${SPACE_PREFIX}${spaceId}`;
}

/** The space id of a space room, or null for any other room. */
export function spaceOfRoom(room: string): string | null {
  return room.startsWith(SPACE_PREFIX) ? room.slice(SPACE_PREFIX.length) : null;
}

/** The room every socket of one person joins (all their tabs and devices). */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** The room of every screen showing a space's status (also pending counsellors and the switcher). */
export function statusRoom(spaceId: string): string {
  return `status:${spaceId}`;
}
