import type { SpaceMemberDto } from '@hearth/shared/api';
import type { ExerciseActionType, ExerciseState } from '@hearth/shared/exercises';

/** What every per-kind view receives. */
export interface ExerciseViewProps {
  state: ExerciseState;
  meId: string;
  members: SpaceMemberDto[];
  /** Partners act; an observing counsellor only watches. */
  canAnswer: boolean;
  busy: boolean;
  act(type: ExerciseActionType, payload?: unknown): Promise<boolean>;
}
