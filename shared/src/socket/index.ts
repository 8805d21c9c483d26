import type { PresenceClientEvents, PresenceServerEvents } from './presence';
import type { ExerciseClientEvents, ExerciseServerEvents } from '../exercises/events';
import type { SpaceServerEvents } from './space';

/** Typed Socket.io event maps: every feature contributes its own part. */
export type ClientToServerEvents = PresenceClientEvents & ExerciseClientEvents;
export type ServerToClientEvents = PresenceServerEvents & ExerciseServerEvents & SpaceServerEvents;

export type { PresenceClientEvents, PresenceServerEvents, PresencePerson, PresenceState, PresenceAck } from './presence';
export { PresenceJoinPayload, PresenceUpdatePayload } from './presence';
export type { SpaceServerEvents } from './space';
export { SpaceChangedPayload } from './space';
