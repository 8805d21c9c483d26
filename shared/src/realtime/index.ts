export { parseDocName, docNameOf, docNamePattern } from './docNames';
export type { DocKind, DocNameQuery, ParsedDocName } from './docNames';
export { NOTES_TEXT_KEY, notesTextOf } from './notesDoc';
export {
  MessageType,
  SyncMessageType,
  messageSaved,
  PermissionDeniedReason,
  encodeSavedMessage,
  readSavedStateVector,
  decodeStateVectorMap,
} from './protocol';
export { CloseCode, isFinalCloseCode } from './closeCodes';
export { DEFAULT_COLLAB_LIMITS } from './limits';
export type { CollabLimits } from './limits';
export { BoardRefusal, encodeRefusal, parseRefusal } from './refusals';
export { BoardPresenceSection, PresenceSection, presenceSectionOf } from './presence';
