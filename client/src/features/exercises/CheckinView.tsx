import { CHECKIN_GUIDANCE, FEELING_WORDS, MOOD_LABELS, type CheckinAnswer, type CheckinData } from '@hearth/shared/exercises';
import { useState, type FormEvent } from 'react';
import { nameOf } from './names';
import type { ExerciseViewProps } from './types';

const MOODS = [1, 2, 3, 4, 5] as const;

export function CheckinView({ state, meId, members, canAnswer, busy, act }: ExerciseViewProps) {
  const data = state.data as unknown as CheckinData;
  const mineSubmitted = data.submitted.includes(meId);
  if (data.revealed) {
    return (
      <div className="ex-checkin">
        <p className="ex-guidance">{CHECKIN_GUIDANCE.afterReveal}</p>
        <div className="ex-reveal" aria-live="polite">
          {data.answers.map((a) => (
            <AnswerCard key={a.userId} answer={a} who={nameOf(members, a.userId, meId)} />
          ))}
        </div>
        {canAnswer && (
          <button type="button" className="btn" disabled={busy} onClick={() => void act('next')}>
            Finish check-in
          </button>
        )}
      </div>
    );
  }
  const waitingFor = state.participants.filter((p) => !data.submitted.includes(p)).map((p) => nameOf(members, p, meId));
  return (
    <div className="ex-checkin">
      <p className="ex-guidance">{CHECKIN_GUIDANCE.intro}</p>
      {canAnswer && !mineSubmitted && <CheckinForm busy={busy} onSubmit={(answer) => act('submit', answer)} />}
      {data.mine && <AnswerCard answer={data.mine} who="Your answer (hidden from your partner until you have both shared)" />}
      <p className="ex-status" role="status">
        {waitingFor.length ? `Waiting for: ${waitingFor.join(' and ')}` : 'Revealing…'}
      </p>
    </div>
  );
}

function AnswerCard({ answer, who }: { answer: CheckinAnswer; who: string }) {
  return (
    <article className="ex-answer" aria-label={who}>
      <h4>{who}</h4>
      <p>
        Mood: <strong>{MOOD_LABELS[answer.mood as 1 | 2 | 3 | 4 | 5]}</strong> ({answer.mood}/5)
      </p>
      {answer.feelings.length > 0 && <p>Feeling: {answer.feelings.join(', ')}</p>}
      <p>Needs today: {answer.need}</p>
      {answer.note && <p className="ex-note">{answer.note}</p>}
    </article>
  );
}

interface FormProps {
  busy: boolean;
  onSubmit(answer: { mood: number; feelings: string[]; need: string; note?: string }): Promise<boolean>;
}

function CheckinForm({ busy, onSubmit }: FormProps) {
  const [mood, setMood] = useState<number | null>(null);
  const [feelings, setFeelings] = useState<string[]>([]);
  const [custom, setCustom] = useState('');
  const [need, setNeed] = useState('');
  const [note, setNote] = useState('');
  const toggle = (word: string) =>
    setFeelings((list) => (list.includes(word) ? list.filter((w) => w !== word) : list.length < 8 ? [...list, word] : list));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mood === null || !need.trim()) return;
    const extra = custom.trim() && !feelings.includes(custom.trim()) ? [custom.trim()] : [];
    void onSubmit({ mood, feelings: [...feelings, ...extra].slice(0, 8), need: need.trim(), ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <form className="ex-form" onSubmit={submit} aria-label="Your check-in">
      <fieldset>
        <legend>{CHECKIN_GUIDANCE.moodPrompt}</legend>
        <div className="ex-moods">
          {MOODS.map((m) => (
            <label key={m} className={`ex-mood${mood === m ? ' is-selected' : ''}`}>
              <input type="radio" name="mood" value={m} checked={mood === m} onChange={() => setMood(m)} />
              {m} · {MOOD_LABELS[m]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{CHECKIN_GUIDANCE.feelingsPrompt}</legend>
        <div className="ex-chips">
          {Object.values(FEELING_WORDS)
            .flat()
            .map((word) => (
              <button
                type="button"
                key={word}
                className={`chip${feelings.includes(word) ? ' is-selected' : ''}`}
                aria-pressed={feelings.includes(word)}
                onClick={() => toggle(word)}
              >
                {word}
              </button>
            ))}
        </div>
        <label className="field">
          <span>Your own word</span>
          <input value={custom} maxLength={40} onChange={(e) => setCustom(e.target.value)} />
        </label>
      </fieldset>
      <label className="field">
        <span>{CHECKIN_GUIDANCE.needPrompt}</span>
        <input value={need} maxLength={280} required onChange={(e) => setNeed(e.target.value)} />
      </label>
      <label className="field">
        <span>{CHECKIN_GUIDANCE.notePrompt}</span>
        <textarea value={note} maxLength={1000} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy || mood === null || !need.trim()}>
        Share
      </button>
    </form>
  );
}
