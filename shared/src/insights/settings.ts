import * as Y from 'yjs';
import { BoardRuleError, type BoardActor } from '../board';
import { isTimeZone } from './time';

/**
 * Journey settings live in the "us + counsellor" document (`space:<id>`), under their own root
 * map: both partners write it, and the counsellor's client can read it — the counsellor has to
 * know whose mood line to leave out and which time zone the couple's weeks start in.
 *
 *   journey : Y.Map { timeZone?: string, "hideMood:<userId>": true }
 */
export const JOURNEY_SETTINGS_KEY = 'journey';
const HIDE_MOOD_PREFIX = 'hideMood:';

export interface JourneySettings {
  /** null until a partner picks one; clients then use their own zone. */
  timeZone: string | null;
  hiddenMoods: string[];
}

export function journeySettingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(JOURNEY_SETTINGS_KEY);
}

export function readJourneySettings(doc: Y.Doc): JourneySettings {
  const map = journeySettingsMap(doc);
  const tz = map.get('timeZone');
  const hiddenMoods: string[] = [];
  map.forEach((value, key) => {
    if (key.startsWith(HIDE_MOOD_PREFIX) && value === true) hiddenMoods.push(key.slice(HIDE_MOOD_PREFIX.length));
  });
  return { timeZone: typeof tz === 'string' && isTimeZone(tz) ? tz : null, hiddenMoods: hiddenMoods.sort() };
}

function assertPartner(actor: BoardActor): void {
  if (!actor.partnerIds.includes(actor.userId)) throw new BoardRuleError('forbidden', 'only a partner changes journey settings');
}

export function setJourneyTimeZone(doc: Y.Doc, actor: BoardActor, timeZone: string): void {
  assertPartner(actor);
  if (!isTimeZone(timeZone)) throw new BoardRuleError('invalid_input', `field 'timeZone': unknown time zone ${timeZone}`);
  journeySettingsMap(doc).set('timeZone', timeZone);
}

/** Each partner decides only about their own mood line. */
export function setMoodHidden(doc: Y.Doc, actor: BoardActor, hidden: boolean): void {
  assertPartner(actor);
  const map = journeySettingsMap(doc);
  if (hidden) map.set(`${HIDE_MOOD_PREFIX}${actor.userId}`, true);
  else map.delete(`${HIDE_MOOD_PREFIX}${actor.userId}`);
}
