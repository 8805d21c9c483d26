import type { ExerciseActionPayload, ExerciseHistoryPayload, ExerciseJoinPayload, ExerciseStartPayload } from './schemas';
import type { ExerciseAck, ExerciseHistoryAck, ExerciseJoinAck, ExerciseState } from './state';

/**
 * Client → server. Every event carries an ack; payloads are validated on the server with the
 * schemas in ./schemas, so the types here describe what a well-behaved client sends.
 */
export interface ExerciseClientEvents {
  'exercise:start': (payload: ExerciseStartPayload, ack: (res: ExerciseAck) => void) => void;
  'exercise:join': (payload: ExerciseJoinPayload, ack: (res: ExerciseJoinAck) => void) => void;
  'exercise:action': (payload: ExerciseActionPayload, ack: (res: ExerciseAck) => void) => void;
  'exercise:history': (payload: ExerciseHistoryPayload, ack: (res: ExerciseHistoryAck) => void) => void;
}

/** Server → every member socket of the space, after every change (one view per recipient). */
export interface ExerciseServerEvents {
  'exercise:state': (payload: { state: ExerciseState }) => void;
}
