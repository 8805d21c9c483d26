/**
 * Transaction origin for edits made by the person at this screen. The undo manager tracks
 * only this origin (and `null`, used by board operations), so undo never reverts a partner's
 * edit that arrived through the provider.
 */
export const LOCAL_ORIGIN = Symbol('hearth-local-edit');
