/**
 * Transaction origin for edits made by the person at this screen. The undo manager tracks
 * only this origin (and `null`, used by board operations), so undo never reverts a partner's
 * edit that arrived through the provider.
 */
export const LOCAL_ORIGIN = Symbol('hearth-local-edit');

/**
 * Origin of this person's edits that are steps in an item's life, which the server never lets
 * anyone take back (accept, mark, confirm, renegotiate, a status change, delete, a move):
 * undo does not track them, so Undo never asks the server for something it refuses.
 */
export const COMMITTED_ORIGIN = Symbol('hearth-committed-edit');

/**
 * Origin of the `updatedAt`/`updatedBy` stamp a text binding sends while someone types. Undo
 * does not track it: a stamp says who last worked on an item and is never taken back (undoing
 * it could leave the item with no stamp at all, which the server refuses as malformed).
 */
export const STAMP_ORIGIN = Symbol('hearth-stamp');
