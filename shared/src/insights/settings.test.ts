import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardRuleError } from '../board';
import { ALICE, BOB, alice, bob, carol, sync } from '../../../test/helpers/boardActors';
import { readJourneySettings, setJourneyTimeZone, setMoodHidden } from './settings';

describe('journey settings in the "us + counsellor" document', () => {
  it('each partner hides or shows only their own mood line; both see the same settings after sync', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setMoodHidden(a, alice, true);
    setMoodHidden(b, bob, true);
    sync(a, b);
    expect(readJourneySettings(a).hiddenMoods).toEqual([ALICE, BOB].sort());
    setMoodHidden(b, bob, false);
    sync(a, b);
    expect(readJourneySettings(a)).toEqual({ timeZone: null, hiddenMoods: [ALICE] });
  });

  it('keeps a valid time zone and refuses an unknown one; a counsellor changes nothing', () => {
    const doc = new Y.Doc();
    setJourneyTimeZone(doc, alice, 'Europe/Lisbon');
    expect(readJourneySettings(doc).timeZone).toBe('Europe/Lisbon');
    expect(() => setJourneyTimeZone(doc, bob, 'Mars/Olympus')).toThrow(BoardRuleError);
    expect(() => setMoodHidden(doc, carol, true)).toThrow(/only a partner/);
    expect(() => setJourneyTimeZone(doc, carol, 'UTC')).toThrow(/only a partner/);
    // A value a faulty client wrote is ignored rather than trusted.
    doc.getMap('journey').set('timeZone', 'Not/A_Zone');
    expect(readJourneySettings(doc).timeZone).toBeNull();
  });
});
