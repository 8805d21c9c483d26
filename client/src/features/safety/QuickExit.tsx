import { useEffect } from 'react';
import { quickExit } from './quickExit';

const DOUBLE_ESC_MS = 800;

/**
 * The always-visible way out: a button, and Esc pressed twice quickly, anywhere in the app
 * (also while typing, so it works whatever has focus).
 */
export function QuickExit() {
  useEffect(() => {
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const now = performance.now();
      if (now - last < DOUBLE_ESC_MS) quickExit();
      last = now;
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  return (
    <button type="button" className="quick-exit" onClick={quickExit} title="Leave Hearth now for a neutral website (or press Esc twice)">
      Quick exit
    </button>
  );
}
