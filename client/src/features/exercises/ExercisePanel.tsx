import { createPortal } from 'react-dom';
import { useCallback, useEffect, useState } from 'react';
import type { SpaceMemberDto } from '@hearth/shared/api';
import { ExerciseFocus } from './ExerciseFocus';
import { ExerciseHistory } from './ExerciseHistory';
import { ExercisePrompt } from './ExercisePrompt';
import { EXERCISE_LABELS } from './labels';
import { nameOf } from './names';
import { StartExercise } from './StartExercise';
import { useExercise } from './useExercise';
import './exercises.css';

interface Props {
  spaceId: string;
  meId: string;
  members: SpaceMemberDto[];
  /** 'partner' acts; 'counsellor' observes (and may steer when the partners allowed it). */
  role: 'partner' | 'counsellor';
  counsellorCanFacilitate?: boolean;
}

/** This tab's open exercise survives a reload: the view comes back where it was. */
const openKey = (spaceId: string) => `hearth:exercise-open:${spaceId}`;
/** The run this tab answered "Later" to: its invitation is not shown again on another page. */
const laterKey = (spaceId: string) => `hearth:exercise-later:${spaceId}`;

/**
 * The live exercise of a space: a card beside the board to start one or join the running one,
 * a prompt when someone starts one, and the focused view while it runs.
 */
export function ExercisePanel({ spaceId, meId, members, role, counsellorCanFacilitate = false }: Props) {
  const ex = useExercise(spaceId);
  const canSteer = role === 'partner' || counsellorCanFacilitate;
  const canAnswer = role === 'partner';
  const [openId, setOpenId] = useState<string | null>(() => sessionStorage.getItem(openKey(spaceId)));
  const [laterId, setLaterId] = useState<string | null>(() => sessionStorage.getItem(laterKey(spaceId)));
  const state = ex.state;
  const running = state && state.phase !== 'ended' ? state : null;

  const open = useCallback(
    (sessionId: string | null) => {
      setOpenId(sessionId);
      if (sessionId) sessionStorage.setItem(openKey(spaceId), sessionId);
      else sessionStorage.removeItem(openKey(spaceId));
    },
    [spaceId],
  );

  const later = (sessionId: string) => {
    setLaterId(sessionId);
    sessionStorage.setItem(laterKey(spaceId), sessionId);
  };

  // Whoever starts an exercise is taken straight into it.
  const start = async (...args: Parameters<typeof ex.start>) => {
    const started = await ex.start(...args);
    if (started) open(started);
  };

  // A remembered session that has since ended elsewhere is not reopened after a reload.
  useEffect(() => {
    if (ex.joined && openId && state?.sessionId !== openId) open(null);
  }, [ex.joined, openId, state?.sessionId, open]);

  const focused = state !== null && openId === state.sessionId;
  const starter = running ? nameOf(members, running.startedBy, meId) : '';
  const promptText = running ? `${starter} started ${EXERCISE_LABELS[running.kind].phrase}` : '';

  return (
    <section className="panel ex-panel" aria-labelledby="ex-heading">
      <h3 id="ex-heading">{running ? `${EXERCISE_LABELS[running.kind].title} in progress` : 'Do something together'}</h3>
      {running ? (
        <div className="ex-running">
          <p className="ex-status">
            {promptText}
            {running.paused ? ' · paused' : ''}.
          </p>
          <button type="button" className="btn btn-primary" onClick={() => open(running.sessionId)}>
            {focused ? 'Open' : 'Join'}
          </button>
        </div>
      ) : canSteer ? (
        <StartExercise busy={ex.busy} onStart={(choice) => void start(choice)} />
      ) : (
        <p className="ex-status">No exercise is running. When the couple starts one, you will be asked to join.</p>
      )}
      {ex.error && !focused && (
        <p className="ex-error" role="alert">
          {ex.error}
        </p>
      )}
      <ExerciseHistory
        spaceId={spaceId}
        history={ex.history}
        onLoad={ex.loadHistory}
        members={members}
        meId={meId}
        canDelete={role === 'partner'}
      />
      {/* The invitation and the focused view cover the page, so they live at its root: on a
          phone they show whichever section the bottom navigation has chosen. */}
      {/* No invitation to one's own exercise: the card above reopens it. */}
      {running &&
        !focused &&
        running.startedBy !== meId &&
        laterId !== running.sessionId &&
        createPortal(
          <ExercisePrompt text={promptText} onJoin={() => open(running.sessionId)} onLater={() => later(running.sessionId)} />,
          document.body,
        )}
      {focused &&
        createPortal(
          <ExerciseFocus ex={ex} meId={meId} members={members} canAnswer={canAnswer} canSteer={canSteer} onLeave={() => open(null)} />,
          document.body,
        )}
    </section>
  );
}
