import * as Y from 'yjs';
import { readBoard, VISIBILITIES, type Visibility } from '../board';
import { isOneOf } from '../guards';
import { ALICE, BOB } from '../../../test/helpers/boardActors';
import type { JourneyExercise, JourneyInput, JourneySource } from './types';

/** Fixed data sets for the journey's unit tests: docs built with the real board operations. */

export const PEOPLE = [
  { id: ALICE, name: 'Alice' },
  { id: BOB, name: 'Bob' },
];

export function sourcesOf(docs: Partial<Record<Visibility, Y.Doc>>): JourneySource[] {
  const out: JourneySource[] = [];
  for (const [visibility, doc] of Object.entries(docs)) {
    if (!isOneOf(VISIBILITIES, visibility) || !doc) continue;
    for (const item of readBoard(doc).items) out.push({ item, visibility });
  }
  return out;
}

export function inputOf(docs: Partial<Record<Visibility, Y.Doc>>, now: string, overrides: Partial<JourneyInput> = {}): JourneyInput {
  return {
    sources: sourcesOf(docs),
    exercises: [],
    partners: PEOPLE,
    viewer: { id: ALICE, role: 'partner' },
    timeZone: 'UTC',
    now: new Date(now),
    range: '4w',
    ...overrides,
  };
}

export function speakerListener(startedAt: string, firstTries: boolean[], topic = 'How we spend Sundays'): JourneyExercise {
  return {
    kind: 'speaker_listener',
    startedAt: Date.parse(startedAt),
    endedReason: 'completed',
    participants: [ALICE, BOB],
    results: {
      topic,
      exchanges: firstTries.map((accurate, i) => ({
        speakerId: i % 2 ? BOB : ALICE,
        listenerId: i % 2 ? ALICE : BOB,
        attempts: accurate
          ? [{ text: 'p', accurate: true, correction: null }]
          : [
              { text: 'p', accurate: false, correction: 'c' },
              { text: 'p2', accurate: true, correction: null },
            ],
        outcome: 'confirmed',
      })),
    },
  };
}
