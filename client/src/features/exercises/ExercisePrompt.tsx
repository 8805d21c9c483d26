import { useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  text: string;
  onJoin(): void;
  onLater(): void;
}

/**
 * "Alex started a together check-in · Join": shown to everyone in the space who has not
 * opened the running exercise, wherever they are on the page.
 */
export function ExercisePrompt({ text, onJoin, onLater }: Props) {
  const ref = useRef<HTMLElement>(null);
  // Toasts stack above the invitation instead of on it: it tells them how much room it takes.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(() => root.setProperty('--ex-prompt-space', `${el.offsetHeight}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.removeProperty('--ex-prompt-space');
    };
  }, []);
  return createPortal(
    <section ref={ref} className="ex-prompt" aria-label="Exercise invitation" data-testid="exercise-prompt">
      <p className="ex-prompt-text" role="status">
        {text}
      </p>
      <div className="ex-prompt-actions">
        <button type="button" className="btn btn-quiet" onClick={onLater}>
          Later
        </button>
        <button type="button" className="btn btn-primary" onClick={onJoin}>
          Join
        </button>
      </div>
    </section>,
    document.body,
  );
}
