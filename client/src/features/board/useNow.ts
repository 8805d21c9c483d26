import { useSyncExternalStore } from 'react';

// One clock for every card's "2 h ago", ticking once a minute, instead of a timer per card.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: number | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    timer = window.setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 60_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      window.clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, refreshed every minute, for relative times on the board. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
