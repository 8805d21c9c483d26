import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { journeySettingsMap, readJourneySettings, type JourneySettings } from '@hearth/shared/insights';

const cache = new WeakMap<Y.Doc, JourneySettings>();

/** The journey settings in the "us + counsellor" document, live. */
export function useJourneySettings(doc: Y.Doc): JourneySettings {
  return useSyncExternalStore(
    (listener) => {
      const map = journeySettingsMap(doc);
      const onChange = () => {
        cache.delete(doc);
        listener();
      };
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    () => {
      let settings = cache.get(doc);
      if (!settings) cache.set(doc, (settings = readJourneySettings(doc)));
      return settings;
    },
  );
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
