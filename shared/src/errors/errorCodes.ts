/**
 * Every error Hearth returns, with its HTTP status. The server's error middleware, Socket.io
 * acks and the client all speak these codes; the message is for people, the code for code.
 */
export const ErrorCodes = {
  /** A body, query, param or payload failed its schema; the message names the field. */
  invalid_input: 400,
  /** The body is not valid JSON. */
  malformed_json: 400,
  /** Not logged in, or the session expired. */
  unauthenticated: 401,
  /** A new password is too common or too easy to guess; the message says why. */
  weak_password: 400,
  /** Email/password pair does not match an account (same answer for both cases). */
  invalid_credentials: 401,
  /** Logged in, but this action is not yours to take (e.g. a listener ending a turn). */
  forbidden: 403,
  /** A mutating request came from a foreign Origin. */
  bad_origin: 403,
  /** Not found, or not visible to you (no existence leak). */
  not_found: 404,
  /** Invite token unknown. */
  invite_not_found: 404,
  /** The email already has an account. */
  email_taken: 409,
  /** The space already has two partners. */
  space_full: 409,
  /** Already a member of the space. */
  already_member: 409,
  /** The action does not fit the current state (e.g. an exercise already running). */
  conflict: 409,
  /** Invite was already used. */
  invite_used: 410,
  /** Invite was revoked by a partner. */
  invite_revoked: 410,
  /** Invite is past its expiry date. */
  invite_expired: 410,
  /** The body is larger than the limit. */
  payload_too_large: 413,
  /** A JSON route received another content type. */
  unsupported_media_type: 415,
  /** Too many attempts; try again later. */
  rate_limited: 429,
  /** Something broke on our side; details are in the server log only. */
  internal: 500,
  /** The database is unreachable right now. */
  unavailable: 503,
  /** The database is unreachable right now; answered at once rather than waiting for it. */
  database_unavailable: 503,
  /** Counsellor access is refused because the access log cannot be written right now. */
  audit_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** The one JSON error shape: `{"error":{"code","message"}}`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export function statusOf(code: ErrorCode): number {
  return ErrorCodes[code];
}
