/**
 * Client-side countdown maths, shared so every screen computes it the same way. The offset is
 * measured around an ack: the server stamped `serverNow` somewhere between sending and
 * receiving, so the midpoint bounds the error by half the round trip.
 */
export function clockOffset(serverNow: number, sentAt: number, receivedAt: number): number {
  return serverNow - (sentAt + receivedAt) / 2;
}

/** Milliseconds left on a state's countdown at local time `localNow`; null when untimed. */
export function msLeft(
  state: { deadline: number | null; paused: boolean; remainingMs: number | null },
  offset: number,
  localNow: number,
): number | null {
  if (state.paused) return state.remainingMs;
  if (state.deadline === null) return null;
  return Math.max(0, state.deadline - (localNow + offset));
}
