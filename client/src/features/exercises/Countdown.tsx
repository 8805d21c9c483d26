import { useEffect, useState } from 'react';
import { formatRemaining, type ServerClock } from './clock';

interface Props {
  deadline: number | null;
  paused: boolean;
  remainingMs: number | null;
  clock: ServerClock;
}

/** A countdown to a server deadline; frozen while the exercise is paused. */
export function Countdown({ deadline, paused, remainingMs, clock }: Props) {
  const [, tick] = useState(0);
  useEffect(() => {
    if (paused || deadline === null) return;
    const timer = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, [paused, deadline]);

  const ms = paused ? remainingMs : deadline === null ? null : clock.remaining(deadline);
  if (ms === null) return null;
  return (
    <p className="ex-countdown" role="timer" aria-live="off" aria-label={`Time left ${formatRemaining(ms)}${paused ? ', paused' : ''}`}>
      <span className="ex-countdown-value">{formatRemaining(ms)}</span>
      {paused && <span className="ex-countdown-paused"> paused</span>}
    </p>
  );
}
