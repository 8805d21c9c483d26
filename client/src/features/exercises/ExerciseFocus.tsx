import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { SpaceMemberDto } from '@hearth/shared/api';
import type { ExerciseState } from '@hearth/shared/exercises';
import { CheckinView } from './CheckinView';
import { Countdown } from './Countdown';
import { ExerciseControls } from './ExerciseControls';
import { ExerciseErrorBoundary } from './ExerciseErrorBoundary';
import { EXERCISE_LABELS } from './labels';
import { nameOf } from './names';
import { PromiseReviewView } from './PromiseReviewView';
import { QuestionDeckView } from './QuestionDeckView';
import { ReadyStep } from './ReadyStep';
import { SpeakerListenerView } from './SpeakerListenerView';
import type { ExerciseViewProps } from './types';
import type { ExerciseControls as Controls } from './useExercise';

/** The view of the state's own kind, given that kind's state. */
function KindView(props: ExerciseViewProps) {
  const { state } = props;
  switch (state.kind) {
    case 'checkin':
      return <CheckinView {...props} state={state} />;
    case 'speaker_listener':
      return <SpeakerListenerView {...props} state={state} />;
    case 'question_deck':
      return <QuestionDeckView {...props} state={state} />;
    case 'promise_review':
      return <PromiseReviewView {...props} state={state} />;
  }
}

interface Props {
  ex: Controls;
  meId: string;
  members: SpaceMemberDto[];
  canAnswer: boolean;
  canSteer: boolean;
  onLeave(): void;
}

/**
 * A running exercise, focused: full width on a desktop, the whole screen on a phone, above the
 * board, which stays one click ("Back to board") or Escape away.
 */
export function ExerciseFocus({ ex, meId, members, canAnswer, canSteer, onLeave }: Props) {
  const state = ex.state!;
  const heading = useRef<HTMLHeadingElement>(null);
  const leave = useRef(onLeave);
  leave.current = onLeave;

  useEffect(() => {
    heading.current?.focus();
    // The board behind is out of reach (and out of the reading order) while this is open.
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    document.body.classList.add('ex-focus-open');
    const onKey = (event: KeyboardEvent) => {
      // Not while writing: Escape in a field must not throw away a half-written answer.
      const target = event.target;
      const writing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
      if (event.key === 'Escape' && !writing) leave.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      root?.removeAttribute('inert');
      document.body.classList.remove('ex-focus-open');
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  const ended = state.phase === 'ended';
  // Every exercise opens on the "ready?" step both partners confirm.
  const waitingReady = state.phase === 'ready';
  const View = waitingReady ? ReadyStep : KindView;
  const turnText = ended ? null : turnLine(state, nameOf(members, state.turn, meId));

  return createPortal(
    <div className="ex-focus" role="dialog" aria-modal="true" aria-labelledby="ex-focus-title" data-testid="exercise-focus">
      <header className="ex-focus-bar">
        <button type="button" className="btn btn-quiet ex-back" onClick={onLeave} aria-label="Back to board">
          <span aria-hidden="true">
            ← <span className="ex-back-long">Back to board</span>
            <span className="ex-back-short">Board</span>
          </span>
        </button>
        <div className="ex-focus-heading">
          <h2 id="ex-focus-title" ref={heading} tabIndex={-1}>
            {EXERCISE_LABELS[state.kind].title}
          </h2>
          {turnText && (
            <p className={`ex-turn${state.paused ? ' is-paused' : ''}`} aria-live="polite" data-testid="exercise-turn">
              {turnText}
            </p>
          )}
        </div>
        {!ended && <Countdown deadline={state.deadline} paused={state.paused} remainingMs={state.remainingMs} clock={ex.clock} />}
      </header>
      <div className="ex-focus-body">
        {!canAnswer && <p className="ex-observing">You are observing. Only the partners answer.</p>}
        {ex.error && (
          <p className="ex-error" role="alert">
            {ex.error}
          </p>
        )}
        {ended ? (
          // The deck has no last card: finishing it is ending it, not ending early.
          <EndedSummary
            reason={state.kind === 'question_deck' ? 'completed' : state.endedReason}
            title={EXERCISE_LABELS[state.kind].title}
            onLeave={onLeave}
          />
        ) : (
          <ExerciseErrorBoundary key={state.sessionId} onEnd={canSteer ? () => void ex.act('end') : null} onLeave={onLeave}>
            <View key={state.sessionId} state={state} meId={meId} members={members} canAnswer={canAnswer} busy={ex.busy} act={ex.act} />
          </ExerciseErrorBoundary>
        )}
      </div>
      {!ended && canSteer && (
        <footer className="ex-focus-footer">
          <ExerciseControls
            paused={state.paused}
            canPause={!waitingReady}
            busy={ex.busy}
            onPause={() => void ex.act('pause')}
            onResume={() => void ex.act('resume')}
            onEnd={() => void ex.act('end')}
          />
        </footer>
      )}
    </div>,
    document.body,
  );
}

/** The line under the title: paused, or whose move it is when that is one person. */
function turnLine(state: ExerciseState, turnName: string): string | null {
  if (state.paused) return 'Paused — take the time you need.';
  if (state.phase === 'ready') return null;
  // Both answer a check-in, and both talk about a drawn card: nobody's "turn".
  if (state.kind === 'checkin' || !state.turn) return null;
  if (state.kind === 'question_deck' && state.phase === 'answering') return 'Talk it through together';
  return turnName === 'You' ? 'Your turn' : `${turnName}’s turn`;
}

function EndedSummary({ reason, title, onLeave }: { reason: 'completed' | 'ended' | null; title: string; onLeave(): void }) {
  return (
    <div className="ex-ended" role="status">
      <h3>{reason === 'completed' ? `${title}: done` : `${title} was ended early`}</h3>
      <p>
        {reason === 'completed' ? 'Well done, both of you. What you shared is kept in your history.' : 'What you shared so far is kept.'}
      </p>
      <button type="button" className="btn btn-primary" onClick={onLeave}>
        Back to board
      </button>
    </div>
  );
}
