import type { SpaceMemberDto } from '@hearth/shared/api';
import type { ExerciseActionType, ExerciseKind, ExerciseStateOf } from '@hearth/shared/exercises';

/** What every per-kind view receives: the state of its own kind (any kind by default). */
export interface ExerciseViewProps<K extends ExerciseKind = ExerciseKind> {
  state: ExerciseStateOf<K>;
  meId: string;
  members: SpaceMemberDto[];
  /** Partners act; an observing counsellor only watches. */
  canAnswer: boolean;
  busy: boolean;
  act(type: ExerciseActionType, payload?: unknown): Promise<boolean>;
}
