/**
 * Bumped whenever exercise content changes meaning (a question reworded, a prompt removed).
 * Ids stay stable across versions; a session stores the version it ran with, so history can
 * say which wording the couple saw. Retired ids are never reused.
 */
export const EXERCISE_CONTENT_VERSION = 1;
