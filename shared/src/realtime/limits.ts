/** Defaults for the real-time server's guards; the server accepts overrides. */
export const DEFAULT_COLLAB_LIMITS = {
  /** Largest accepted WebSocket frame; bigger closes with 1009. */
  maxFrameBytes: 1024 * 1024,
  /** Largest encoded document state; an edit that would exceed it is refused. */
  maxDocumentBytes: 8 * 1024 * 1024,
  /** Largest awareness state (JSON) of one client. */
  maxAwarenessStateBytes: 8 * 1024,
  /** Sustained messages per second per connection, and the burst allowance above it. */
  messagesPerSecond: 100,
  messageBurst: 300,
  /** Messages queued while the document loads, before the connection is closed. */
  maxQueuedMessages: 256,
} as const;

export type CollabLimits = { -readonly [K in keyof typeof DEFAULT_COLLAB_LIMITS]: number };
