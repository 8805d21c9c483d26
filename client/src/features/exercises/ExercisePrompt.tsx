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
  return createPortal(
    <section className="ex-prompt" aria-label="Exercise invitation" data-testid="exercise-prompt">
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
