import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Message types on `/yjs/<docName>`: the y-websocket protocol (sync, awareness, auth,
 * query-awareness) plus Hearth's save acknowledgement. Every frame starts with a varUint type.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Server → client: varUint8Array holding `Y.encodeStateVector` of what is durably stored. */
  saved: 100,
} as const;

/** The y-protocols sync sub-types that follow `MessageType.sync`. */
export const SyncMessageType = { step1: 0, step2: 1, update: 2 } as const;

/** `messageSaved` as a bare number, for `provider.messageHandlers[messageSaved]`. */
export const messageSaved = MessageType.saved;

/** Reasons carried by the y-protocols auth `permission-denied` message. */
export const PermissionDeniedReason = {
  readOnly: 'read-only',
  documentTooLarge: 'document-too-large',
} as const;
export type PermissionDeniedReason = (typeof PermissionDeniedReason)[keyof typeof PermissionDeniedReason];

export function encodeSavedMessage(storedStateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.saved);
  encoding.writeVarUint8Array(encoder, storedStateVector);
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a `messageSaved` frame whose type byte was already consumed. */
export function readSavedStateVector(decoder: decoding.Decoder): Uint8Array {
  return decoding.readVarUint8Array(decoder);
}

/**
 * Decodes a state vector into `clientID → clock`. A client's local edits are saved once
 * `stored.get(doc.clientID) >= localStateVector.get(doc.clientID)`.
 */
export function decodeStateVectorMap(stateVector: Uint8Array): Map<number, number> {
  const decoder = decoding.createDecoder(stateVector);
  const map = new Map<number, number>();
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    map.set(client, decoding.readVarUint(decoder));
  }
  return map;
}
