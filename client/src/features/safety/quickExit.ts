import { historyDepth } from '../../app/router';

/** Used until /api/safety answers (and if it never does). */
export const FALLBACK_EXIT_URL = 'https://www.bbc.co.uk/weather';
let exitUrl = FALLBACK_EXIT_URL;

export function setQuickExitUrl(url: string): void {
  exitUrl = url;
}

let leaving = false;

/**
 * Leaves Hearth at once for a neutral site. The page is blanked first (nothing readable while
 * the tab moves on), then the tab goes back over every entry Hearth pushed, and the entry it
 * lands on is replaced: going back afterwards never shows Hearth.
 */
export function quickExit(): void {
  if (leaving) return;
  leaving = true;
  document.title = 'New Tab';
  document.body.replaceChildren();
  document.body.style.background = '#fff';
  const depth = historyDepth();
  const go = () => window.location.replace(exitUrl);
  if (depth === 0) return go();
  window.addEventListener('popstate', go, { once: true });
  // Should popstate not come (a browser quirk), replace anyway.
  setTimeout(go, 400);
  window.history.go(-depth);
}
