import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useAuth } from '../../app/AuthProvider';
import { useSpaces } from '../spaces/spacesStore';
import './undo.css';
import { undoKeyAction, type UndoHistory, type UndoOutcome } from '../../collab/undoHistory';
import { keptMessage } from './keptMessage';

const NOTICE_MS = 8000;

/** Undo/redo buttons plus the keyboard shortcuts, for your own edits only. */
export function UndoControls({ history }: { history: UndoHistory }) {
  useSyncExternalStore(history.subscribe, history.getVersion);
  const meId = useAuth().user?.id ?? '';
  // Names of everyone in the person's spaces (user ids are unique across spaces).
  const spaces = useSpaces().spaces;
  const members = useMemo(() => (spaces ?? []).flatMap((s) => s.members), [spaces]);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!notice) return undefined;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // The latest props, read by the key handler without re-subscribing on every render.
  const report = useRef<(outcome: UndoOutcome) => void>(() => undefined);
  report.current = (outcome: UndoOutcome) => setNotice(outcome.kept.length > 0 ? keptMessage(outcome.kept, members, meId) : null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = undoKeyAction(event);
      if (!action) return;
      // A plain form field (not bound to the board) keeps the browser's own undo.
      const target = event.target;
      if ((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && !target.hasAttribute('data-ytext')) return;
      // Replace the browser's own input undo: it would fight the shared document.
      event.preventDefault();
      report.current(action === 'undo' ? history.undo() : history.redo());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [history, report]);

  return (
    <div className="undo-controls">
      <div className="row" role="group" aria-label="Undo and redo your own changes">
        <button
          type="button"
          className="button small"
          onClick={() => report.current(history.undo())}
          disabled={!history.canUndo()}
          aria-keyshortcuts="Control+Z Meta+Z"
          title="Undo your last change (your partner’s changes stay)"
        >
          Undo
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => report.current(history.redo())}
          disabled={!history.canRedo()}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
        >
          Redo
        </button>
      </div>
      <p className="undo-notice" role="status" data-testid="undo-notice">
        {notice}
      </p>
    </div>
  );
}
