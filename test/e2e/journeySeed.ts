import {
  acceptPromise,
  acknowledgeCard,
  addCheckin,
  confirmPromise,
  createAppreciation,
  createCard,
  createExperience,
  createPromise,
  markPromise,
  setExperienceStatus,
  weekStartOf,
  addDays,
  writeReflection,
  type BoardActor,
} from '@hearth/shared/board';
import { docNameOf } from '@hearth/shared/realtime';
import { ExerciseRunModel } from '../../server/src/exercises/exerciseRun.model';
import { writeDoc } from '../integration/privacy-fixtures/boardDocs';

const DAY = 86_400_000;

function daysAgo(n: number, hour = 18): { now: Date } {
  const d = new Date(Date.now() - n * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return { now: d };
}

function dateAgo(n: number): string {
  return new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
}

/**
 * A few weeks of a couple's board, written to the stored documents before anyone opens them:
 * some of it shared with the counsellor ("us + counsellor"), some only between the partners
 * ("us"), and one private card. Returns the counts the views should show.
 */
export async function seedJourney(spaceId: string, alexId: string, samId: string) {
  const partners = [alexId, samId];
  const alex: BoardActor = { userId: alexId, partnerIds: partners };
  const sam: BoardActor = { userId: samId, partnerIds: partners };
  const thisWeek = weekStartOf(new Date().toISOString().slice(0, 10));

  await writeDoc(docNameOf({ kind: 'space', spaceId }), (doc) => {
    const hike = createExperience(
      doc,
      alex,
      { title: 'Sunrise hike', closeness: ['experiential', 'physical'], category: 'travel', status: 'planned' },
      daysAgo(20),
    );
    setExperienceStatus(doc, sam, { itemId: hike, status: 'done' }, daysAgo(10));
    writeReflection(doc, alex, { itemId: hike, learned: 'We are good at quiet mornings' }, daysAgo(9));
    const quiet = createCard(doc, alex, { cardType: 'need', statement: 'Quiet time after work' }, daysAgo(15));
    acknowledgeCard(doc, sam, { itemId: quiet }, daysAgo(13));
    createAppreciation(doc, sam, { toId: alexId, text: 'Thank you for the flowers' }, daysAgo(4));
    for (const [n, moodA, moodS] of [
      [6, 3, 2],
      [4, 3, 3],
      [2, 4, 4],
    ] as const) {
      addCheckin(doc, alex, { date: dateAgo(n), mood: moodA, feelings: ['hopeful'], need: 'a walk' }, daysAgo(n, 8));
      addCheckin(doc, sam, { date: dateAgo(n), mood: moodS, feelings: ['tired'], need: 'rest' }, daysAgo(n, 8));
    }
    const walk = createPromise(
      doc,
      sam,
      { text: 'An evening walk together', promiseeId: alexId, cadence: { type: 'weekly' } },
      daysAgo(35),
    );
    acceptPromise(doc, alex, { itemId: walk }, daysAgo(35));
    for (const weeks of [3, 2, 1]) {
      const period = addDays(thisWeek, -7 * weeks);
      markPromise(doc, sam, { itemId: walk, outcome: 'kept', period }, daysAgo(7 * weeks - 1));
      confirmPromise(doc, alex, { itemId: walk, period }, daysAgo(7 * weeks - 1));
    }
  });

  await writeDoc(docNameOf({ kind: 'couple', spaceId }), (doc) => {
    const dinner = createPromise(
      doc,
      alex,
      { text: 'Cook dinner together on Sundays', promiseeId: samId, cadence: { type: 'weekly' } },
      daysAgo(30),
    );
    acceptPromise(doc, sam, { itemId: dinner }, daysAgo(30));
    for (const [weeks, outcome] of [
      [3, 'missed'],
      [2, 'kept'],
      [1, 'kept'],
    ] as const) {
      const period = addDays(thisWeek, -7 * weeks);
      markPromise(doc, alex, { itemId: dinner, outcome, period }, daysAgo(7 * weeks - 1));
      confirmPromise(doc, sam, { itemId: dinner, period }, daysAgo(7 * weeks - 1));
    }
    addCheckin(doc, alex, { date: dateAgo(1), mood: 4, feelings: ['calm'], need: '' }, daysAgo(1, 8));
  });

  await writeDoc(docNameOf({ kind: 'private', spaceId, userId: alexId }), (doc) => {
    createCard(doc, alex, { cardType: 'trigger', statement: 'Being interrupted' }, daysAgo(8));
  });

  const startedAt = Date.now() - 5 * DAY;
  await ExerciseRunModel.create({
    spaceId,
    kind: 'speaker_listener',
    contentVersion: 1,
    status: 'ended',
    activeKey: `ended-${spaceId}-sl`,
    phase: 'ended',
    paused: false,
    participants: partners,
    startedBy: alexId,
    startedAt,
    endedAt: startedAt + 20 * 60_000,
    endedReason: 'completed',
    rev: 5,
    data: {
      topicId: null,
      topic: 'How we talk about money',
      rounds: 2,
      turnMs: 120_000,
      paraphraseMs: 60_000,
      current: 1,
      exchanges: [
        {
          speakerId: alexId,
          listenerId: samId,
          attempts: [{ text: 'You worry when…', accurate: true, correction: null }],
          outcome: 'confirmed',
        },
        {
          speakerId: samId,
          listenerId: alexId,
          attempts: [
            { text: 'You feel…', accurate: false, correction: 'More that…' },
            { text: 'So it is…', accurate: true, correction: null },
          ],
          outcome: 'confirmed',
        },
      ],
    },
  });

  // Items in "us + counsellor": experience, card, appreciation, 6 check-ins, the walk promise.
  return { sharedWithCounsellor: 10, samCheckinsShared: 3, bothSee: 12, onlyAlex: 1 };
}
