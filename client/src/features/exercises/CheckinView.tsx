import { CHECKIN_GUIDANCE, FEELING_WORDS, type CheckinAnswer } from '@hearth/shared/exercises';
import type { MoodValue } from '@hearth/shared/board';
import { useState, type FormEvent } from 'react';
import { MoodMeter, MoodPicker } from '../mood/MoodPicker';
import { nameOf } from './names';
import type { ExerciseViewProps } from './types';

/** The feeling groups in the order they are offered. */
const FEELING_GROUPS = ['pleasant', 'tender', 'unsettled', 'heavy'] as const satisfies ReadonlyArray<keyof typeof FEELING_WORDS>;

const GROUP_LABELS: Record<keyof typeof FEELING_WORDS, string> = {
  pleasant: 'Pleasant',
  tender: 'Tender',
  unsettled: 'Unsettled',
  heavy: 'Heavy',
};

export function CheckinView({ state, meId, members, canAnswer, busy, act }: ExerciseViewProps<'checkin'>) {
  const { data } = state;
  const mineSubmitted = data.submitted.includes(meId);
  if (data.revealed) {
    return (
      <div className="ex-checkin">
        <p className="ex-guidance">{CHECKIN_GUIDANCE.afterReveal}</p>
        <div className="ex-reveal" aria-live="polite">
          {[...data.answers]
            .sort((a, b) => Number(b.userId === meId) - Number(a.userId === meId))
            .map((a) => (
              <AnswerCard key={a.userId} answer={a} who={nameOf(members, a.userId, meId)} />
            ))}
        </div>
        <p className="ex-hint">Both answers are saved as today’s check-ins on your board.</p>
        {canAnswer && (
          <div className="ex-next">
            <button type="button" className="btn btn-primary btn-large" disabled={busy || state.paused} onClick={() => void act('next')}>
              Finish check-in
            </button>
          </div>
        )}
      </div>
    );
  }
  const waitingFor = state.participants.filter((p) => !data.submitted.includes(p)).map((p) => nameOf(members, p, meId));
  return (
    <div className="ex-checkin">
      <p className="ex-guidance">{CHECKIN_GUIDANCE.intro}</p>
      {canAnswer && !mineSubmitted && <CheckinForm busy={busy || state.paused} onSubmit={(answer) => act('submit', answer)} />}
      {data.mine && <AnswerCard answer={data.mine} who="Your answer" note="Hidden from your partner until you have both shared." />}
      <p className="ex-waiting" role="status">
        {waitingFor.length ? `Waiting for: ${waitingFor.join(' and ')}` : 'Revealing…'}
      </p>
    </div>
  );
}

function AnswerCard({ answer, who, note }: { answer: CheckinAnswer; who: string; note?: string }) {
  return (
    <article className="ex-answer" aria-label={who}>
      <h4>{who}</h4>
      {note && <p className="ex-hint">{note}</p>}
      <p>
        <MoodMeter value={answer.mood} />
      </p>
      {answer.feelings.length > 0 && <p>Feeling {answer.feelings.join(', ')}</p>}
      <p>
        <span className="ex-answer-label">Would help today:</span> {answer.need}
      </p>
      {answer.note && <p className="ex-note">{answer.note}</p>}
    </article>
  );
}

interface FormProps {
  busy: boolean;
  onSubmit(answer: { mood: number; feelings: string[]; need: string; note?: string }): Promise<boolean>;
}

function CheckinForm({ busy, onSubmit }: FormProps) {
  const [mood, setMood] = useState<MoodValue | null>(null);
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
    void onSubmit({
      mood,
      feelings: [...feelings, ...extra].slice(0, 8),
      need: need.trim(),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  return (
    <form className="ex-form" onSubmit={submit} aria-label="Your check-in">
      <MoodPicker value={mood} onChange={setMood} legend={CHECKIN_GUIDANCE.moodPrompt} />
      <fieldset className="ex-feelings">
        <legend>{CHECKIN_GUIDANCE.feelingsPrompt}</legend>
        {FEELING_GROUPS.map((group) => (
          <div key={group} className="ex-chip-group" role="group" aria-label={GROUP_LABELS[group]}>
            <span className="ex-chip-group-label" aria-hidden="true">
              {GROUP_LABELS[group]}
            </span>
            <div className="ex-chips">
              {FEELING_WORDS[group].map((word) => (
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
          </div>
        ))}
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
      <button type="submit" className="btn btn-primary btn-large" disabled={busy || mood === null || !need.trim()}>
        Share
      </button>
    </form>
  );
}
