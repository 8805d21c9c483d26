import type * as Y from 'yjs';

/**
 * The counsellor's `notes:<spaceId>` document holds one Y.Text under this key. The client's
 * notes editor (client/src/features/counsellor/notesDoc.ts) uses the same key.
 */
export const NOTES_TEXT_KEY = 'notes';

export function notesTextOf(doc: Y.Doc): string {
  return doc.getText(NOTES_TEXT_KEY).toString();
}
