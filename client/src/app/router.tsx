import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { isRecord } from '@hearth/shared/guards';
import { parseRoute, type Route } from './routes';

// A tiny history-API router: the app has five pages, which does not justify a router package.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function currentUrl(): string {
  return window.location.pathname + window.location.search;
}

/**
 * How many history entries Hearth has pushed on top of the one the tab loaded, kept in each
 * entry's state: quick exit goes back that far before replacing the page, so no Hearth
 * address is left in the tab's history.
 */
export function historyDepth(): number {
  const state: unknown = window.history.state;
  const depth = isRecord(state) ? state.hearthDepth : undefined;
  return typeof depth === 'number' && depth > 0 ? depth : 0;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentUrl()) return;
  const depth = historyDepth();
  if (options.replace) window.history.replaceState({ hearthDepth: depth }, '', to);
  else window.history.pushState({ hearthDepth: depth + 1 }, '', to);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const url = useSyncExternalStore(subscribe, currentUrl);
  const [pathname = '/', search = ''] = url.split(/(?=\?)/);
  return parseRoute(pathname, search);
}

export function currentPath(): string {
  return currentUrl();
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link that navigates without a page load (modifier clicks still open tabs). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  }
  return <a href={to} onClick={handleClick} {...rest} />;
}

/** Navigates once rendered (navigation is a side effect, so never during render). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
