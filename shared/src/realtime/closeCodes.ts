/**
 * WebSocket close codes used on `/yjs/<docName>`. The y-websocket provider stops reconnecting
 * on 4400–4499 ("a reconnect cannot fix this"); every other code is transient and it retries
 * with backoff. Refusals before the upgrade are plain HTTP 401/403 responses instead.
 */
export const CloseCode = {
  /** Server shutting down; reconnect to the next process. */
  goingAway: 1001,
  /** A frame exceeded the maximum frame size (set by `ws` itself). */
  messageTooBig: 1009,
  /** Malformed frame: not decodable as the protocol. Final. */
  malformedMessage: 4400,
  /** Session ended (logged out or expired) while connected. Final. */
  unauthenticated: 4401,
  /** Access to this document was withdrawn (left, removed, consent ended). Final. */
  accessRevoked: 4403,
  /** The document would exceed the maximum document size. Final. */
  documentTooLarge: 4413,
  /** An update that could not be applied (invalid Yjs structure). Final. */
  invalidUpdate: 4422,
  /** Unexpected server error on this connection; reconnecting is safe. */
  internalError: 4500,
  /** Too many messages before the document loaded, or per second. Transient. */
  rateLimited: 4529,
  /** The document could not be loaded (the database did not answer). Transient. */
  unavailable: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Whether the y-websocket provider treats this code as final (no reconnect). */
export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500;
}
