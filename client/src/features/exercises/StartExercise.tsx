import { SPEAKER_LISTENER_TOPICS, type ExerciseStart } from '@hearth/shared/exercises';
import { useState } from 'react';
import { EXERCISE_LABELS, EXERCISE_ORDER } from './labels';

interface Props {
  busy: boolean;
  onStart(choice: ExerciseStart): void;
}

export function StartExercise({ busy, onStart }: Props) {
  const [topicId, setTopicId] = useState(SPEAKER_LISTENER_TOPICS[0]?.id ?? '');
  const [minutes, setMinutes] = useState(3);
  return (
    <div className="ex-start">
      <p className="ex-guidance">Pick something to do together now. Either of you can pause at any time.</p>
      <ul className="ex-choices">
        {EXERCISE_ORDER.map((kind) => (
          <li key={kind} className="ex-choice">
            <h4>{EXERCISE_LABELS[kind].title}</h4>
            <p>{EXERCISE_LABELS[kind].blurb}</p>
            {kind === 'speaker_listener' && (
              <div className="ex-options">
                <label className="field">
                  <span>Topic</span>
                  <select value={topicId} onChange={(e) => setTopicId(e.target.value)}>
                    {SPEAKER_LISTENER_TOPICS.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.title}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span>Minutes per turn</span>
                  <input type="number" min={1} max={20} value={minutes} onChange={(e) => setMinutes(Number(e.target.value) || 3)} />
                </label>
              </div>
            )}
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => onStart(kind === 'speaker_listener' ? { kind, options: { topicId, turnMinutes: minutes } } : { kind })}
            >
              Start {EXERCISE_LABELS[kind].title.toLowerCase()}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
