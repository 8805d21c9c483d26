// Owned by the real-time core: presence events (who is online, which part of the board).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PresenceClientEvents {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PresenceServerEvents {}
