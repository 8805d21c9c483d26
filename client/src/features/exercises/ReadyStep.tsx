import type { SpaceMemberDto } from '@hearth/shared/api';
import { EXERCISE_LABELS } from './labels';
import { nameOf } from './names';
import type { ExerciseViewProps } from './types';

/**
 * The opening "ready?" step every exercise starts with: each partner confirms, and the exercise
 * (and any clock) begins once both have. A counsellor sees who is ready but has nothing to press.
 */
export function ReadyStep({ state, meId, members, canAnswer, busy, act }: ExerciseViewProps) {
  const amReady = state.ready.includes(meId);
  return (
    <div className="ex-ready" data-testid="ready-step">
      <h3>Ready to begin?</h3>
      <p className="ex-ready-blurb">{EXERCISE_LABELS[state.kind].blurb}</p>
      <p className="ex-ready-hint">It starts when both of you are ready. Nothing is timed until then.</p>
      <ul className="ex-ready-list" aria-label="Who is ready">
        {state.participants.map((id) => (
          <ReadyLine key={id} name={nameOf(members, id, meId)} ready={state.ready.includes(id)} />
        ))}
      </ul>
      <p className="ex-ready-status" role="status" data-testid="ready-status">
        {statusLine(state, meId, members, canAnswer)}
      </p>
      {canAnswer && !amReady && (
        <button type="button" className="btn btn-primary btn-large" disabled={busy} onClick={() => void act('ready')}>
          I’m ready
        </button>
      )}
    </div>
  );
}

function ReadyLine({ name, ready }: { name: string; ready: boolean }) {
  return (
    <li className={ready ? 'is-ready' : undefined}>
      <span className="ex-ready-mark" aria-hidden="true">
        {ready ? '✓' : '…'}
      </span>
      {name} <span className="ex-ready-word">{ready ? (name === 'You' ? 'are ready' : 'is ready') : 'not yet'}</span>
    </li>
  );
}

/** "You're ready · waiting for Sam", or for a counsellor, who is ready of the two. */
function statusLine(state: ExerciseViewProps['state'], meId: string, members: SpaceMemberDto[], canAnswer: boolean): string {
  const name = (id: string) => nameOf(members, id, meId);
  const waiting = state.participants.filter((id) => !state.ready.includes(id));
  if (!canAnswer) {
    if (state.ready.length === 0) return 'Waiting for both partners to be ready.';
    return `${name(state.ready[0]!)} is ready · waiting for ${waiting[0] ? name(waiting[0]) : 'the other partner'}`;
  }
  const partner = state.participants.find((id) => id !== meId);
  if (state.ready.includes(meId)) return `You’re ready · waiting for ${waiting[0] ? name(waiting[0]) : 'your partner'}`;
  if (partner && state.ready.includes(partner)) return `${name(partner)} is ready · waiting for you`;
  return 'Take a moment. Press “I’m ready” when you are.';
}
