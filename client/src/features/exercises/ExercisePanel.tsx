import type { SpaceMemberDto } from '@hearth/shared/api';
import type { ExerciseKind } from '@hearth/shared/exercises';
import { CheckinView } from './CheckinView';
import { Countdown } from './Countdown';
import { ExerciseHistory } from './ExerciseHistory';
import { nameOf } from './names';
import { PromiseReviewView } from './PromiseReviewView';
import { QuestionDeckView } from './QuestionDeckView';
import { SpeakerListenerView } from './SpeakerListenerView';
import { EXERCISE_LABELS, StartExercise } from './StartExercise';
import type { ExerciseViewProps } from './types';
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

const VIEWS: Record<ExerciseKind, (props: ExerciseViewProps) => React.JSX.Element> = {
  checkin: CheckinView,
  speaker_listener: SpeakerListenerView,
  question_deck: QuestionDeckView,
  promise_review: PromiseReviewView,
};

/** The live exercise of a space: start one, follow whose turn it is, pause together. */
export function ExercisePanel({ spaceId, meId, members, role, counsellorCanFacilitate = false }: Props) {
  const ex = useExercise(spaceId);
  const canSteer = role === 'partner' || counsellorCanFacilitate;
  const canAnswer = role === 'partner';
  const running = ex.state && ex.state.phase !== 'ended' ? ex.state : null;

  return (
    <section className="panel ex-panel" aria-labelledby="ex-heading">
      <header className="ex-header">
        <h3 id="ex-heading">{running ? EXERCISE_LABELS[running.kind].title : 'Do something together'}</h3>
        {running && <Countdown deadline={running.deadline} paused={running.paused} remainingMs={running.remainingMs} clock={ex.clock} />}
      </header>
      {ex.error && (
        <p className="ex-error" role="alert">
          {ex.error}
        </p>
      )}
      {running ? (
        <>
          <p className="ex-turn" aria-live="polite">
            {running.paused
              ? 'Paused — take the time you need.'
              : running.turn
                ? `${nameOf(members, running.turn, meId) === 'You' ? 'Your' : `${nameOf(members, running.turn, meId)}’s`} turn`
                : 'Either of you'}
          </p>
          {VIEWS[running.kind]({ state: running, meId, members, canAnswer, busy: ex.busy, act: ex.act })}
          {canSteer && (
            <div className="ex-lifecycle" role="group" aria-label="Exercise controls">
              {running.paused ? (
                <button type="button" className="btn btn-primary" disabled={ex.busy} onClick={() => void ex.act('resume')}>
                  Resume
                </button>
              ) : (
                <button type="button" className="btn" disabled={ex.busy} onClick={() => void ex.act('pause')}>
                  Pause
                </button>
              )}
              <button type="button" className="btn btn-quiet" disabled={ex.busy} onClick={() => void ex.act('end')}>
                End exercise
              </button>
            </div>
          )}
        </>
      ) : canSteer ? (
        <StartExercise busy={ex.busy} onStart={(kind, options) => void ex.start(kind, options)} />
      ) : (
        <p className="ex-status">No exercise is running. You will see it here live when the couple starts one.</p>
      )}
      <ExerciseHistory history={ex.history} onLoad={ex.loadHistory} members={members} meId={meId} />
    </section>
  );
}
