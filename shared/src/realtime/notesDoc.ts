import type * as Y from 'yjs';

/**
 * Layout of a counsellor's `notes:<spaceId>:<counsellorId>` document: one Y.Text under this
 * key. The client's notes editor writes it; the server's data export reads it.
 */
export const NOTES_TEXT_KEY = 'notes';

export function notesTextOf(doc: Y.Doc): Y.Text {
  return doc.getText(NOTES_TEXT_KEY);
}
