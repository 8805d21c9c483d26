import { useState } from 'react';
import type { SpaceMemberDto } from '@hearth/shared/api';
import type { ExerciseSummary } from '@hearth/shared/exercises';
import { api } from '../../lib/api';
import { useConfirm } from '../../lib/ConfirmDialog';
import { ApiError } from '../../lib/http';
import { nameOf } from './names';
import { EXERCISE_LABELS } from './labels';

interface Props {
  spaceId: string;
  history: ExerciseSummary[];
  onLoad(): Promise<void>;
  members: SpaceMemberDto[];
  meId: string;
  /** Partners may delete an ended session (for both); a counsellor only reads. */
  canDelete: boolean;
}

export function ExerciseHistory({ spaceId, history, onLoad, members, meId, canDelete }: Props) {
  const [dialog, confirm] = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  async function remove(s: ExerciseSummary, title: string, when: string) {
    const ok = await confirm({
      title: `Delete this ${title.toLowerCase()}?`,
      body: `The ${title.toLowerCase()} of ${when} and what was shared in it are deleted for both of you. This cannot be undone. What it added to your board stays there.`,
      confirmLabel: 'Delete',
      danger: true,
    });
    if (!ok) return;
    setError(null);
    setDeleting(s.sessionId);
    try {
      await api.deleteExerciseSession(spaceId, s.sessionId);
      await onLoad();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not delete it. Try again.');
    } finally {
      setDeleting(null);
    }
  }

  return (
    <details className="ex-history" onToggle={(e) => (e.currentTarget.open ? void onLoad() : undefined)}>
      <summary>Past exercises</summary>
      {error && (
        <p className="ex-error" role="alert">
          {error}
        </p>
      )}
      {history.length === 0 ? (
        <p className="ex-status">Exercises you finish together are listed here.</p>
      ) : (
        <ul>
          {history.map((s) => {
            const title = EXERCISE_LABELS[s.kind].title;
            const when = new Date(s.startedAt).toLocaleString();
            return (
              <li key={s.sessionId} className="ex-history-item">
                <span>
                  <strong>{title}</strong> · {when} · started by {nameOf(members, s.startedBy, meId)} · {outcomeOf(s)}
                </span>
                {canDelete && s.endedAt !== null && (
                  <button
                    type="button"
                    className="btn btn-quiet ex-history-delete"
                    disabled={deleting === s.sessionId}
                    aria-label={`Delete ${title} of ${when}`}
                    onClick={() => void remove(s, title, when)}
                  >
                    Delete
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {dialog}
    </details>
  );
}

/** As the focused view says it: the deck has no last card, so finishing it is not "ended early". */
function outcomeOf(s: ExerciseSummary): string {
  if (s.endedAt === null) return 'running';
  return s.endedReason === 'completed' || s.kind === 'question_deck' ? 'completed' : 'ended early';
}
