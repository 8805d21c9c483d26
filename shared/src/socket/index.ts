import type { PresenceClientEvents, PresenceServerEvents } from './presence';
import type { ExerciseClientEvents, ExerciseServerEvents } from '../exercises/events';
import type { SpaceServerEvents } from './space';
import type { StatusClientEvents, StatusServerEvents } from './status';
import type { NotificationServerEvents } from '../reminders';

/** Typed Socket.io event maps: every feature contributes its own part. */
export type ClientToServerEvents = PresenceClientEvents & ExerciseClientEvents & StatusClientEvents;
export type ServerToClientEvents = PresenceServerEvents &
  ExerciseServerEvents &
  SpaceServerEvents &
  StatusServerEvents &
  NotificationServerEvents;

export type { PresenceClientEvents, PresenceServerEvents, PresencePerson, PresenceState, PresenceAck } from './presence';
export { PresenceJoinPayload, PresenceUpdatePayload } from './presence';
export type { SpaceServerEvents } from './space';
export { SpaceChangedPayload } from './space';
export type { StatusClientEvents, StatusServerEvents, StatusAck } from './status';
export { StatusWatchPayload, PartnerStatus, SpaceStatusOpen, SpaceStatusEnded, SpaceEndReason, SpaceStatus } from './status';
