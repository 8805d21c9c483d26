import { SPEAKER_LISTENER_GUIDANCE } from '@hearth/shared/exercises';
import { useState } from 'react';
import { nameOf } from './names';
import type { ExerciseViewProps } from './types';

export function SpeakerListenerView({ state, meId, members, canAnswer, busy, act }: ExerciseViewProps<'speaker_listener'>) {
  const { data } = state;
  const exchange = data.exchanges[data.current];
  const [text, setText] = useState('');
  const [correction, setCorrection] = useState('');
  if (!exchange) return <p className="ex-status">All rounds are done. Thank you both for listening.</p>;
  const speaker = nameOf(members, exchange.speakerId, meId);
  const listener = nameOf(members, exchange.listenerId, meId);
  const iSpeak = canAnswer && exchange.speakerId === meId;
  const iListen = canAnswer && exchange.listenerId === meId;
  const last = exchange.attempts.at(-1);
  // The speaker's answer to the last paraphrase, while the listener tries again.
  const notQuite = state.phase === 'paraphrasing' && last?.accurate === false ? last : null;
  // Only attempts the speaker has answered: the one being read is shown above, not here.
  const finished = exchange.attempts.filter((a) => a.accurate !== null);

  return (
    <div className="ex-sl">
      <p className="ex-topic">
        Topic: <strong>{data.topic}</strong>
      </p>
      <p className="ex-roles">
        Speaker: <strong>{speaker}</strong> · Listener: <strong>{listener}</strong> · Exchange {data.current + 1} of {data.rounds * 2}
      </p>
      {state.phase === 'speaking' && (
        <>
          <ul className="ex-guidance">
            {(iSpeak ? SPEAKER_LISTENER_GUIDANCE.speaker : SPEAKER_LISTENER_GUIDANCE.listener).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {iSpeak && (
            <button type="button" className="btn btn-primary" disabled={busy || state.paused} onClick={() => void act('next')}>
              I’ve said what I wanted to say
            </button>
          )}
        </>
      )}
      {notQuite && (
        <div className="ex-correction" role="note" aria-label={`${speaker}’s answer`} data-testid="sl-correction">
          <p className="ex-correction-head">
            {iSpeak ? 'You said: not quite.' : `${speaker} said: not quite.`}
            {iListen && ' Try again in your own words.'}
          </p>
          {notQuite.correction && (
            <>
              <p className="ex-correction-label">{iSpeak ? 'What you meant:' : `What ${speaker} meant:`}</p>
              <blockquote className="ex-paraphrase">“{notQuite.correction}”</blockquote>
            </>
          )}
        </div>
      )}
      {state.phase === 'paraphrasing' &&
        (iListen ? (
          <form
            className="ex-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!text.trim()) return;
              void act('paraphrase', { text: text.trim() }).then((ok) => ok && setText(''));
            }}
          >
            <label className="field">
              <span>What I heard is…</span>
              <textarea value={text} rows={3} maxLength={2000} onChange={(e) => setText(e.target.value)} />
            </label>
            <button type="submit" className="btn btn-primary" disabled={busy || state.paused || !text.trim()}>
              Send my paraphrase
            </button>
          </form>
        ) : (
          <p className="ex-status">{listener} is writing what they heard…</p>
        ))}
      {state.phase === 'confirming' && last && (
        <div className="ex-confirm">
          <blockquote className="ex-paraphrase">“{last.text}”</blockquote>
          {iSpeak ? (
            <div className="ex-actions">
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void act('confirm', { accurate: true })}>
                Yes, that’s what I meant
              </button>
              <label className="field">
                <span>Not quite — what I meant was…</span>
                <textarea value={correction} rows={2} maxLength={2000} onChange={(e) => setCorrection(e.target.value)} />
              </label>
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() =>
                  void act('confirm', { accurate: false, ...(correction.trim() ? { correction: correction.trim() } : {}) }).then(
                    (ok) => ok && setCorrection(''),
                  )
                }
              >
                Not quite, try again
              </button>
            </div>
          ) : (
            <p className="ex-status">{speaker} is reading your words…</p>
          )}
        </div>
      )}
      {finished.length > 0 && (
        <details className="ex-attempts">
          <summary>Earlier attempts ({finished.length})</summary>
          <ol>
            {finished.map((a, i) => (
              <li key={i}>
                “{a.text}” — {a.accurate ? 'confirmed' : `not quite${a.correction ? `: ${a.correction}` : ''}`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
