import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acknowledgeCard,
  addCheckin,
  createAppreciation,
  createCard,
  createExperience,
  setArchived,
  setExperienceStatus,
  updateCard,
  writeReflection,
} from '../board';
import { ALICE, BOB, CAROL, alice, at, bob } from '../../../test/helpers/boardActors';
import type { JourneyExercise } from './types';
import { computeJourney } from './computeJourney';
import { PEOPLE, inputOf, speakerListener } from './fixtures';
import {
  appreciationSummary,
  basisSummary,
  closenessSummary,
  communicationSummary,
  deckThemeSummary,
  experienceSummary,
  moodSummary,
  promiseSummary,
  understandingSummary,
} from './summaries';
import { windowOf } from './time';

describe('time ranges and week boundaries', () => {
  it('starts weeks on Monday in the couple’s time zone', () => {
    const doc = new Y.Doc();
    // Sunday 2026-01-11 22:30 in UTC is already Monday 2026-01-12 in Auckland (UTC+13).
    createAppreciation(doc, alice, { toId: BOB, text: 'Thank you for dinner' }, at('2026-01-11T22:30:00Z'));
    const inUtc = computeJourney(inputOf({ couple: doc }, '2026-01-20T12:00:00Z'));
    const inAuckland = computeJourney(inputOf({ couple: doc }, '2026-01-20T12:00:00Z', { timeZone: 'Pacific/Auckland' }));
    const week = (j: typeof inUtc) => j.appreciations.buckets.find((b) => b.count > 0)?.key;
    expect(week(inUtc)).toBe('2026-01-05');
    expect(week(inAuckland)).toBe('2026-01-12');
    expect(inAuckland.from).toBe('2025-12-29');
  });

  it('covers 4 weeks, 12 weeks, a year, or everything since the first item', () => {
    expect(windowOf('4w', '2026-03-04', null).keys).toEqual(['2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02']);
    expect(windowOf('12w', '2026-03-04', null).keys).toHaveLength(12);
    expect(windowOf('1y', '2026-03-04', null).keys).toHaveLength(52);
    expect(windowOf('all', '2026-03-04', '2026-02-20')).toMatchObject({ from: '2026-02-16', unit: 'week', previous: null });
    const long = windowOf('all', '2026-03-04', '2023-05-17');
    expect(long.unit).toBe('month');
    expect(long.keys[0]).toBe('2023-05-01');
    expect(long.keys.at(-1)).toBe('2026-03-01');
  });

  it('a year without data reads as an empty, encouraging journey', () => {
    const j = computeJourney(inputOf({ couple: new Y.Doc(), space: new Y.Doc() }, '2026-06-01T12:00:00Z', { range: '1y' }));
    expect(j.basis.items).toBe(0);
    expect(j.promises.buckets).toHaveLength(52);
    expect(j.promises.buckets.every((b) => Object.keys(b.byPerson).length === 0)).toBe(true);
    expect(j.moods.series).toEqual([]);
    expect(j.timeline).toEqual([]);
    expect(promiseSummary(j)).toBe('No promise periods were settled in the last year yet — there is time.');
    expect(moodSummary(j)).toBe('No check-ins in the last year yet.');
    expect(appreciationSummary(j)).toContain('a small thank-you counts');
    expect(basisSummary(j)).toBe('Built from 0 items you both see.');
  });
});

describe('experiences, conversations and understanding', () => {
  it('counts experiences done in range, their closeness, plans carried out and reflections', () => {
    const doc = new Y.Doc();
    const hike = createExperience(
      doc,
      alice,
      { title: 'Hike to the lake', closeness: ['experiential', 'physical'], category: 'travel', status: 'planned' },
      at('2026-01-02T09:00:00Z'),
    );
    setExperienceStatus(doc, bob, { itemId: hike, status: 'done' }, at('2026-01-10T18:00:00Z'));
    writeReflection(doc, alice, { itemId: hike, learned: 'We laugh more outside' }, at('2026-01-11T09:00:00Z'));
    writeReflection(doc, bob, { itemId: hike, enjoyed: 'The quiet' }, at('2026-01-11T10:00:00Z'));
    const course = createExperience(
      doc,
      bob,
      { title: 'Pottery course', closeness: ['intellectual'], category: 'learning_together' },
      at('2026-01-03T09:00:00Z'),
    );
    setExperienceStatus(doc, bob, { itemId: course, status: 'planned' }, at('2026-01-04T09:00:00Z'));
    setExperienceStatus(doc, bob, { itemId: course, status: 'done' }, at('2026-01-15T09:00:00Z'));
    setArchived(doc, bob, { itemId: course, archived: true }, at('2026-01-16T09:00:00Z'));
    createExperience(
      doc,
      alice,
      { title: 'Volunteer at the shelter', category: 'volunteering', status: 'planned' },
      at('2026-01-05T09:00:00Z'),
    );
    const j = computeJourney(inputOf({ couple: doc }, '2026-01-20T12:00:00Z'));
    expect(j.experiences).toMatchObject({
      doneInRange: 2,
      plannedThenDone: 2,
      reflections: 2,
      status: { idea: 0, planned: 1, done: 2, dropped: 0 },
      closeness: { experiential: 1, physical: 1, intellectual: 1, spiritual: 0 },
      categories: { travel: 1, learning_together: 1, volunteering: 0 },
    });
    expect(experienceSummary(j)).toBe('You did 2 new experiences together in the last 4 weeks, and wrote 2 reflections about them.');
    expect(closenessSummary(j)).toBe('Closeness fed by the experiences done: mind 1, doing things 1, touch 1; meaning could be next.');
    const story = j.timeline.filter((m) => m.kind === 'experience_done').map((m) => m.text);
    expect(story).toEqual(['Hike to the lake: “We laugh more outside”', 'Pottery course']);
  });

  it('reads “felt heard the first time”, deck themes and together check-ins from exercise history', () => {
    const exercises = [
      speakerListener('2026-01-06T19:00:00Z', [true, false]),
      speakerListener('2026-01-13T19:00:00Z', [true, true], 'Money worries'),
      {
        kind: 'question_deck' as const,
        startedAt: '2026-01-14T19:00:00.000Z',
        endedReason: 'completed' as const,
        participants: [ALICE, BOB],
        results: {
          cards: [
            { theme: 'trust', outcome: 'answered' },
            { theme: 'trust', outcome: 'skipped' },
            { theme: 'appreciation', outcome: 'answered' },
          ],
        },
      },
      {
        kind: 'checkin' as const,
        startedAt: Date.parse('2026-01-15T08:00:00Z'),
        endedReason: 'completed' as const,
        participants: [ALICE, BOB],
        results: { submitted: [ALICE, BOB], revealed: true, answers: [] },
      },
      {
        kind: 'checkin' as const,
        startedAt: Date.parse('2026-01-16T08:00:00Z'),
        endedReason: 'ended' as const,
        participants: [ALICE, BOB],
        results: { submitted: [ALICE], revealed: false, answers: [] },
      },
      // Stored (export) form: revealedAt instead of revealed.
      {
        kind: 'checkin' as const,
        startedAt: '2026-01-17T08:00:00.000Z',
        endedReason: 'completed' as const,
        participants: [ALICE, BOB],
        results: { answers: [], revealedAt: 1 },
      },
      // Results the journey cannot read still count as a session held, and nothing more.
      {
        kind: 'speaker_listener' as const,
        startedAt: Date.parse('2026-01-18T08:00:00Z'),
        endedReason: 'ended' as const,
        participants: [ALICE, BOB],
        results: { exchanges: 'garbled' },
      },
      // Outside the window.
      speakerListener('2025-10-01T19:00:00Z', [true]),
    ];
    const j = computeJourney(inputOf({ couple: new Y.Doc() }, '2026-01-20T12:00:00Z', { exercises }));
    expect(j.communication).toMatchObject({
      speakerListenerSessions: 3,
      exchanges: 4,
      heardFirstTime: 3,
      deckTotal: 2,
      togetherCheckins: 2,
    });
    expect(j.communication.deckAnswered).toMatchObject({ trust: 1, appreciation: 1 });
    expect(j.communication.buckets.find((b) => b.key === '2026-01-12')).toEqual({ key: '2026-01-12', exchanges: 2, heardFirstTime: 2 });
    expect(communicationSummary(j)).toBe(
      'In 3 speaker–listener conversations the speaker felt heard on the first try 3 of 4 times; 2 deck questions answered; 2 check-ins completed together in the last 4 weeks.',
    );
    expect(j.timeline.filter((m) => m.kind === 'hard_conversation').map((m) => m.text)).toEqual(['How we spend Sundays', 'Money worries']);
    expect(j.timeline.some((m) => m.kind === 'first_together_checkin' && m.date === '2026-01-15')).toBe(true);
  });

  it('counts needs understood, how long it took, and cards revisited on their date', () => {
    const doc = new Y.Doc();
    const quiet = createCard(
      doc,
      alice,
      { cardType: 'need', statement: 'Quiet time after work', revisitDate: '2026-01-12' },
      at('2026-01-05T09:00:00Z'),
    );
    acknowledgeCard(doc, bob, { itemId: quiet }, at('2026-01-07T09:00:00Z'));
    updateCard(doc, alice, { itemId: quiet, helps: 'A cup of tea' }, at('2026-01-13T09:00:00Z'));
    const voices = createCard(
      doc,
      bob,
      { cardType: 'trigger', statement: 'Raised voices', revisitDate: '2026-01-10' },
      at('2026-01-06T09:00:00Z'),
    );
    acknowledgeCard(doc, alice, { itemId: voices }, at('2026-01-09T09:00:00Z'));
    createCard(doc, bob, { cardType: 'boundary', statement: 'No phones at dinner' }, at('2026-01-08T09:00:00Z'));
    const j = computeJourney(inputOf({ couple: doc }, '2026-01-20T12:00:00Z'));
    expect(j.understanding).toMatchObject({
      cards: 3,
      acknowledgedInRange: 2,
      medianDaysToAcknowledge: 2.5,
      revisited: 1,
      dueForRevisit: 1,
      byType: { need: { total: 1, acknowledged: 1 }, trigger: { total: 1, acknowledged: 1 }, boundary: { total: 1, acknowledged: 0 } },
    });
    expect(understandingSummary(j)).toBe(
      '2 needs, boundaries and triggers were met with “I understand” in the last 4 weeks, after a median of 3 days; 1 card was revisited on their date.',
    );
    expect(j.timeline.filter((m) => m.kind === 'understood').map((m) => [m.text, m.personId])).toEqual([
      ['Quiet time after work', BOB],
      ['Raised voices', ALICE],
    ]);
  });
});

describe('who sees what', () => {
  function boards() {
    const mine = new Y.Doc();
    const couple = new Y.Doc();
    const space = new Y.Doc();
    addCheckin(mine, alice, { date: '2026-01-14', mood: 2, feelings: [], need: '' }, at('2026-01-14T08:00:00Z'));
    addCheckin(couple, bob, { date: '2026-01-14', mood: 4, feelings: [], need: '' }, at('2026-01-14T08:00:00Z'));
    addCheckin(space, alice, { date: '2026-01-15', mood: 3, feelings: [], need: '' }, at('2026-01-15T08:00:00Z'));
    addCheckin(space, bob, { date: '2026-01-15', mood: 5, feelings: [], need: '' }, at('2026-01-15T08:00:00Z'));
    createAppreciation(space, bob, { toId: ALICE, text: 'For listening' }, at('2026-01-15T09:00:00Z'));
    return { mine, couple, space };
  }

  it('a partner’s view counts their own “only me” items; the basis says where items come from', () => {
    const { mine, couple, space } = boards();
    const j = computeJourney(inputOf({ private: mine, couple, space }, '2026-01-20T12:00:00Z'));
    expect(j.basis).toEqual({ items: 5, byVisibility: { private: 1, couple: 1, space: 3 }, exercises: 0 });
    expect(basisSummary(j)).toBe('Built from 4 items you both see, 1 only you see.');
    expect(j.moods.series.map((s) => [s.personId, s.points.map((p) => p.mood)])).toEqual([
      [ALICE, [2, 3]],
      [BOB, [4, 5]],
    ]);
    expect(moodSummary(j)).toBe('Check-ins on 2 days in the last 4 weeks; your mood ranged from 2 to 3 and Bob’s mood ranged from 4 to 5.');
  });

  it('counts as understood only the cards the partner can see, not an “only me” card', () => {
    const mine = new Y.Doc();
    const couple = new Y.Doc();
    createCard(mine, alice, { cardType: 'trigger', statement: 'Slammed doors' }, at('2026-01-10T09:00:00Z'));
    const shared = createCard(couple, alice, { cardType: 'need', statement: 'A walk on Sundays' }, at('2026-01-10T09:00:00Z'));
    acknowledgeCard(couple, bob, { itemId: shared }, at('2026-01-11T09:00:00Z'));
    const j = computeJourney(inputOf({ private: mine, couple }, '2026-01-20T12:00:00Z'));
    expect(j.understanding).toMatchObject({
      cards: 1,
      acknowledgedInRange: 1,
      byType: { need: { total: 1, acknowledged: 1 }, trigger: { total: 0, acknowledged: 0 }, boundary: { total: 0, acknowledged: 0 } },
    });
    expect(j.basis.byVisibility.private).toBe(1);
    const onlyPrivate = computeJourney(inputOf({ private: mine }, '2026-01-20T12:00:00Z'));
    expect(understandingSummary(onlyPrivate)).toBe('No needs, boundaries or triggers are shared on the board yet.');
  });

  it('a counsellor’s view uses only “us + counsellor” items and leaves out a hidden mood line', () => {
    const { space } = boards();
    const counsellor = { id: CAROL, role: 'counsellor' as const };
    const j = computeJourney(inputOf({ space }, '2026-01-20T12:00:00Z', { viewer: counsellor, hiddenMoods: [BOB] }));
    expect(j.basis).toEqual({ items: 2, byVisibility: { private: 0, couple: 0, space: 2 }, exercises: 0 });
    expect(j.moods.series.map((s) => s.personId)).toEqual([ALICE]);
    expect(j.moods.hidden).toEqual([BOB]);
    expect(moodSummary(j)).toBe(
      'Check-ins on 1 day in the last 4 weeks; Alice’s mood was 3; Bob keeps their mood line between the two of them.',
    );
    expect(basisSummary(j)).toBe('Built from 2 items the couple shares with you.');
    // The same preference does not hide anything from the partners themselves.
    const partner = computeJourney(inputOf({ space }, '2026-01-20T12:00:00Z', { hiddenMoods: [BOB] }));
    expect(partner.moods.series.map((s) => s.personId)).toEqual([ALICE, BOB]);
  });

  it('keeps the data of a partner who left, named as a former partner', () => {
    const { couple } = boards();
    const j = computeJourney(inputOf({ couple }, '2026-01-20T12:00:00Z', { partners: [PEOPLE[0]!] }));
    expect(j.people).toEqual([
      { id: ALICE, name: 'Alice', former: false },
      { id: BOB, name: 'Former partner', former: true },
    ]);
    expect(j.moods.series.map((s) => s.personId)).toEqual([BOB]);
    expect(moodSummary(j)).toContain('Former partner’s mood was 4');
  });
});

describe('words that fit what happened', () => {
  const counsellor = { id: CAROL, role: 'counsellor' as const };

  it('says who wrote an appreciation, and “to each other” only when both did', () => {
    const doc = new Y.Doc();
    createAppreciation(doc, bob, { toId: ALICE, text: 'Thank you for the flowers' }, at('2026-01-12T09:00:00Z'));
    const one = computeJourney(inputOf({ couple: doc }, '2026-01-20T12:00:00Z'));
    expect(appreciationSummary(one)).toBe('Bob wrote 1 appreciation to you in the last 4 weeks.');
    expect(appreciationSummary(computeJourney(inputOf({ space: doc }, '2026-01-20T12:00:00Z', { viewer: counsellor })))).toBe(
      'Bob wrote 1 appreciation to Alice in the last 4 weeks.',
    );
    createAppreciation(doc, alice, { toId: BOB, text: 'Thank you for listening' }, at('2026-01-13T09:00:00Z'));
    const both = computeJourney(inputOf({ couple: doc }, '2026-01-20T12:00:00Z'));
    expect(appreciationSummary(both)).toBe('You wrote 2 appreciations to each other in the last 4 weeks.');
  });

  it('counts one deck question and one theme in the singular', () => {
    const deck: JourneyExercise = {
      kind: 'question_deck',
      startedAt: '2026-01-14T19:00:00.000Z',
      endedReason: 'completed',
      participants: [ALICE, BOB],
      results: { cards: [{ theme: 'appreciation', outcome: 'answered' }] },
    };
    const j = computeJourney(inputOf({ couple: new Y.Doc() }, '2026-01-20T12:00:00Z', { exercises: [deck] }));
    expect(deckThemeSummary(j)).toBe('1 deck question answered, across 1 theme.');
  });

  it('counts only promise reviews that reviewed a promise', () => {
    const review = (items: unknown[]): JourneyExercise => ({
      kind: 'promise_review',
      startedAt: '2026-01-14T19:00:00.000Z',
      endedReason: 'completed',
      participants: [ALICE, BOB],
      results: { since: '2026-01-01T00:00:00.000Z', items, current: items.length },
    });
    const item = { promiseId: 'p', text: 'Walk', promiserId: ALICE, promiseeId: BOB, period: '2026-01-12', confirmed: false };
    const exercises = [
      review([]),
      review([{ ...item, outcome: null, renegotiatedText: null }]),
      review([{ ...item, outcome: 'kept', renegotiatedText: null }]),
      review([{ ...item, outcome: null, renegotiatedText: 'Walk on Saturdays' }]),
    ];
    const j = computeJourney(inputOf({ couple: new Y.Doc() }, '2026-01-20T12:00:00Z', { exercises }));
    expect(j.communication.promiseReviews).toBe(2);
  });

  it('does not urge a counsellor to start a check-in', () => {
    const j = computeJourney(inputOf({ space: new Y.Doc() }, '2026-01-20T12:00:00Z', { viewer: counsellor }));
    expect(communicationSummary(j)).toBe('No results from exercises you observed in the last 4 weeks.');
    expect(appreciationSummary(j)).toBe('No appreciations shared with you in the last 4 weeks.');
  });
});
