import { THEME_LABELS } from '@hearth/shared/exercises';
import { useState } from 'react';
import { nameOf } from './names';
import type { ExerciseViewProps } from './types';

export function QuestionDeckView({ state, meId, members, canAnswer, busy, act }: ExerciseViewProps<'question_deck'>) {
  const { data } = state;
  const [answer, setAnswer] = useState('');
  const [theme, setTheme] = useState('');
  const myTurn = canAnswer && (state.turn === null || state.turn === meId);
  const card = data.current;
  // `next` hands the deck to the partner of whoever drew this card.
  const nextDrawer = card ? nameOf(members, state.participants.find((p) => p !== card.drawnBy) ?? null, meId) : '';

  return (
    <div className="ex-deck">
      {state.phase === 'drawing' && (
        <div className="ex-draw">
          <p className="ex-status">{myTurn ? 'Your turn to draw a card.' : `${nameOf(members, state.turn, meId)} draws the next card.`}</p>
          {myTurn && (
            <div className="ex-actions">
              <label className="field">
                <span>Theme</span>
                <select value={theme} onChange={(e) => setTheme(e.target.value)}>
                  <option value="">Any theme</option>
                  {data.themes.map((t) => (
                    <option key={t} value={t}>
                      {THEME_LABELS[t].label} ({data.remaining[t] ?? 0} left)
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy || state.paused}
                onClick={() => void act('draw', theme ? { theme } : {})}
              >
                Draw a card
              </button>
            </div>
          )}
          {canAnswer && data.cards.length > 0 && (
            <button type="button" className="btn" disabled={busy} onClick={() => void act('end')}>
              We’re done for today
            </button>
          )}
        </div>
      )}
      {state.phase === 'answering' && card && (
        <div className="ex-card" aria-live="polite" data-testid="deck-card">
          <p className="ex-card-theme">{THEME_LABELS[card.theme].label}</p>
          <p className="ex-card-text">{card.text}</p>
          <p className="ex-hint">Answer aloud, or write it down if you prefer.</p>
          {card.answers.some((a) => a.text) && (
            <ul className="ex-written">
              {card.answers
                .filter((a) => a.text)
                .map((a) => (
                  <li key={a.userId}>
                    <strong>{nameOf(members, a.userId, meId)}:</strong> {a.text}
                  </li>
                ))}
            </ul>
          )}
          {canAnswer && (
            <div className="ex-actions">
              <label className="field">
                <span>Write your answer (optional)</span>
                <textarea value={answer} rows={2} maxLength={2000} onChange={(e) => setAnswer(e.target.value)} />
              </label>
              <div className="ex-actions-row">
                <button
                  type="button"
                  className="btn"
                  disabled={busy || state.paused || !answer.trim()}
                  onClick={() => void act('answer', { text: answer.trim() }).then((ok) => ok && setAnswer(''))}
                >
                  Save my answer
                </button>
                <button type="button" className="btn" aria-pressed={card.starred} disabled={busy} onClick={() => void act('star')}>
                  {card.starred ? '★ Starred' : '☆ Star for later'}
                </button>
                <button type="button" className="btn" disabled={busy || state.paused} onClick={() => void act('skip')}>
                  Skip this question
                </button>
              </div>
              <button type="button" className="btn btn-primary btn-large" disabled={busy || state.paused} onClick={() => void act('next')}>
                Next card · {nextDrawer === 'You' ? 'your' : `${nextDrawer}’s`} turn to draw
              </button>
            </div>
          )}
        </div>
      )}
      {data.cards.length > 0 && (
        <details className="ex-attempts">
          <summary>Cards so far ({data.cards.length})</summary>
          <ol>
            {data.cards.map((c) => (
              <li key={c.questionId}>
                {c.starred ? '★ ' : ''}
                {c.text} — {c.outcome ?? 'open'}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
