import type * as Y from 'yjs';

/**
 * The counsellor's `notes:<spaceId>` document holds one Y.Text under this key; the server's
 * export reads the same key (server/src/privacy/notesDoc.ts).
 */
export const NOTES_TEXT_KEY = 'notes';

export function notesTextOf(doc: Y.Doc): Y.Text {
  return doc.getText(NOTES_TEXT_KEY);
}
