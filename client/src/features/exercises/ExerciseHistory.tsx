import type { SpaceMemberDto } from '@hearth/shared/api';
import type { ExerciseSummary } from '@hearth/shared/exercises';
import { nameOf } from './names';
import { EXERCISE_LABELS } from './labels';

interface Props {
  history: ExerciseSummary[];
  onLoad(): Promise<void>;
  members: SpaceMemberDto[];
  meId: string;
}

export function ExerciseHistory({ history, onLoad, members, meId }: Props) {
  return (
    <details className="ex-history" onToggle={(e) => (e.currentTarget.open ? void onLoad() : undefined)}>
      <summary>Past exercises</summary>
      {history.length === 0 ? (
        <p className="ex-status">Exercises you finish together are listed here.</p>
      ) : (
        <ul>
          {history.map((s) => (
            <li key={s.sessionId}>
              <strong>{EXERCISE_LABELS[s.kind].title}</strong> · {new Date(s.startedAt).toLocaleString()} · started by{' '}
              {nameOf(members, s.startedBy, meId)} · {s.endedReason === 'completed' ? 'completed' : s.endedAt ? 'ended early' : 'running'}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
