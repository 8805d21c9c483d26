import type { ExerciseClientEvents, ExerciseServerEvents } from '../exercises/events';
import type { SpaceClientEvents, SpaceServerEvents } from './space';
import type { StatusClientEvents, StatusServerEvents } from './status';
import type { NotificationServerEvents } from '../reminders';

/** Typed Socket.io event maps: every feature contributes its own part. */
export type ClientToServerEvents = SpaceClientEvents & ExerciseClientEvents & StatusClientEvents;
export type ServerToClientEvents = SpaceServerEvents & ExerciseServerEvents & StatusServerEvents & NotificationServerEvents;

export type { SpaceClientEvents, SpaceServerEvents, SpaceJoinAck } from './space';
export { SpaceChangedPayload, SpaceJoinPayload } from './space';
export type { StatusClientEvents, StatusServerEvents, StatusAck } from './status';
export { StatusWatchPayload, PartnerStatus, SpaceStatusOpen, SpaceStatusEnded, SpaceEndReason, SpaceStatus } from './status';
