import { useState } from 'react';

interface Props {
  paused: boolean;
  /** False on the "ready?" step: nothing runs yet, so there is nothing to pause. */
  canPause?: boolean;
  busy: boolean;
  onPause(): void;
  onResume(): void;
  onEnd(): void;
}

/**
 * Pause/resume for both, and ending early, which asks once: it stops the exercise for both
 * partners, unlike the exercise's own "Finish…" step.
 */
export function ExerciseControls({ paused, canPause = true, busy, onPause, onResume, onEnd }: Props) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <div className="ex-controls" role="group" aria-label="Exercise controls">
        <p className="ex-confirm-text">End this exercise now, for both of you? What you have shared so far is kept.</p>
        <button
          type="button"
          className="btn btn-danger"
          disabled={busy}
          onClick={() => {
            setConfirming(false);
            onEnd();
          }}
        >
          Yes, end it for both
        </button>
        <button type="button" className="btn" onClick={() => setConfirming(false)}>
          Keep going
        </button>
      </div>
    );
  }
  return (
    <div className="ex-controls" role="group" aria-label="Exercise controls">
      {paused ? (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={onResume}>
          Resume for both
        </button>
      ) : canPause ? (
        <button type="button" className="btn" disabled={busy} onClick={onPause}>
          Pause for both
        </button>
      ) : null}
      <button type="button" className="btn btn-quiet ex-end" disabled={busy} onClick={() => setConfirming(true)}>
        End exercise early
      </button>
    </div>
  );
}
