import type * as Y from 'yjs';
import {
  acceptPromise,
  addCheckin,
  addDays,
  CLOSENESS_KINDS,
  confirmPromise,
  createAppreciation,
  createCard,
  createExperience,
  createPromise,
  EXPERIENCE_CATEGORIES,
  markPromise,
  renegotiatePromise,
  setExperienceStatus,
  weekStartOf,
  writeReflection,
  acknowledgeCard,
  CARD_TYPES,
  type BoardActor,
} from '@hearth/shared/board';
import type { JourneyExercise } from '@hearth/shared/insights';

/**
 * A year of one couple's board, the size issue 12 asks the journey to handle: 730 check-ins,
 * 150 weekly promises with their outcomes, 60 experiences with reflections, 100 exercise
 * sessions (plus cards and appreciations). Deterministic, so runs compare.
 */
export const YEAR = { checkins: 730, promises: 150, experiences: 60, exercises: 100 } as const;

const DAY = 86_400_000;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function at(ms: number): { now: Date } {
  return { now: new Date(ms) };
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Fills `couple` (most items) and `space` (a quarter of them, shared with the counsellor). */
export function fillYear(couple: Y.Doc, space: Y.Doc, a: string, b: string, now = Date.now()): JourneyExercise[] {
  const rnd = random(12);
  const partners = [a, b];
  const actorOf = (id: string): BoardActor => ({ userId: id, partnerIds: partners });
  const start = now - 364 * DAY;
  const docFor = (i: number) => (i % 4 === 0 ? space : couple);

  for (let d = 0; d < 365; d++) {
    const ms = start + d * DAY;
    for (const [i, id] of partners.entries()) {
      const mood = Math.max(1, Math.min(5, Math.round(2 + (3 * d) / 365 + rnd() * 1.6 - 0.8)));
      addCheckin(
        docFor(d + i),
        actorOf(id),
        { date: dayOf(ms), mood, feelings: ['hopeful'], need: 'time together' },
        at(ms + 8 * 3600_000),
      );
    }
  }

  for (let i = 0; i < YEAR.promises; i++) {
    const promiser = partners[i % 2]!;
    const promisee = partners[(i + 1) % 2]!;
    const doc = docFor(i);
    const created = start + Math.floor((i / YEAR.promises) * 300) * DAY;
    const id = createPromise(
      doc,
      actorOf(promiser),
      { text: `Weekly promise number ${i}`, promiseeId: promisee, cadence: { type: 'weekly' } },
      at(created),
    );
    acceptPromise(doc, actorOf(promisee), { itemId: id }, at(created + 3600_000));
    const weeks = 8 + Math.floor(rnd() * 30);
    let period = weekStartOf(dayOf(created));
    for (let w = 0; w < weeks && Date.parse(period) <= now - 7 * DAY; w++, period = addDays(period, 7)) {
      const markAt = Date.parse(period) + 5 * DAY;
      markPromise(doc, actorOf(promiser), { itemId: id, outcome: rnd() < 0.75 ? 'kept' : 'missed', period }, at(markAt));
      if (rnd() < 0.95) confirmPromise(doc, actorOf(promisee), { itemId: id, period }, at(markAt + 3600_000));
    }
    if (i % 10 === 9)
      renegotiatePromise(
        doc,
        actorOf(promisee),
        { itemId: id, text: `Promise ${i}, made kinder` },
        at(Math.min(now, created + weeks * 7 * DAY)),
      );
  }

  for (let i = 0; i < YEAR.experiences; i++) {
    const doc = docFor(i);
    const created = start + i * 6 * DAY;
    const id = createExperience(
      doc,
      actorOf(partners[i % 2]!),
      {
        title: `Experience number ${i}`,
        category: EXPERIENCE_CATEGORIES[i % EXPERIENCE_CATEGORIES.length]!,
        closeness: [CLOSENESS_KINDS[i % 4]!, CLOSENESS_KINDS[(i + 1) % 4]!],
        status: 'planned',
      },
      at(created),
    );
    setExperienceStatus(doc, actorOf(partners[0]!), { itemId: id, status: 'done' }, at(created + 4 * DAY));
    for (const p of partners)
      writeReflection(doc, actorOf(p), { itemId: id, enjoyed: 'Being together', learned: `Something new, ${i}` }, at(created + 5 * DAY));
  }

  for (let i = 0; i < 40; i++) {
    const doc = docFor(i);
    const author = partners[i % 2]!;
    const created = start + i * 9 * DAY;
    const id = createCard(doc, actorOf(author), { cardType: CARD_TYPES[i % 3]!, statement: `Card number ${i}` }, at(created));
    if (i % 5 !== 0) acknowledgeCard(doc, actorOf(partners[(i + 1) % 2]!), { itemId: id }, at(created + (1 + (i % 4)) * DAY));
    createAppreciation(doc, actorOf(author), { toId: partners[(i + 1) % 2]!, text: `Thank you, ${i}` }, at(created + DAY));
  }

  const kinds = ['speaker_listener', 'checkin', 'question_deck', 'promise_review'] as const;
  return Array.from({ length: YEAR.exercises }, (_, i): JourneyExercise => {
    const kind = kinds[i % 4]!;
    const results =
      kind === 'speaker_listener'
        ? {
            topic: `Topic ${i}`,
            exchanges: [0, 1, 2, 3].map((n) => ({ speakerId: partners[n % 2]!, attempts: [{ text: 'p', accurate: rnd() < 0.6 }] })),
          }
        : kind === 'checkin'
          ? { revealed: true, answers: [] }
          : kind === 'question_deck'
            ? {
                cards: [
                  { theme: 'trust', outcome: 'answered' },
                  { theme: 'appreciation', outcome: 'answered' },
                ],
              }
            : { items: [] };
    return { kind, startedAt: start + Math.floor(i * 3.6) * DAY, endedReason: 'completed', participants: partners, results };
  });
}
