/**
 * The journey's computation over a year of data, in Node: parsing the documents, computing
 * every range, and recomputing after one change. `npx tsx bench/journey/compute.ts`.
 */
import * as Y from 'yjs';
import {
  confirmPromise,
  listPromises,
  markPromise,
  parseItemMap,
  itemsOf,
  readBoard,
  periodOf,
  type Visibility,
} from '@hearth/shared/board';
import { computeJourney, JOURNEY_RANGES, type JourneyInput, type JourneySource } from '@hearth/shared/insights';
import { fillYear } from './yearOfData';

const A = 'a00000000000000000000001';
const B = 'b00000000000000000000002';

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Wall-clock median and CPU time per run. On a shared machine the wall clock includes waiting
 * for a core; the CPU time is what the computation itself costs.
 */
function time(fn: () => void, runs: number): string {
  fn(); // warm up the JIT
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  return `${median(samples).toFixed(2)} ms wall (median of ${runs}), ${((used.user + used.system) / 1000 / runs).toFixed(2)} ms CPU`;
}

const couple = new Y.Doc();
const space = new Y.Doc();
const t = performance.now();
const exercises = fillYear(couple, space, A, B);
console.log(`generated a year in ${Math.round(performance.now() - t)} ms`);

const docs: Array<[Visibility, Y.Doc]> = [
  ['couple', couple],
  ['space', space],
];
let sources: JourneySource[] = [];
const parse = () => {
  sources = docs.flatMap(([visibility, doc]) => readBoard(doc).items.map((item) => ({ item, visibility })));
};
const parseMs = time(parse, 7);
const outcomes = sources.reduce((n, s) => n + (s.item.kind === 'promise' ? Object.keys(s.item.outcomes).length : 0), 0);
console.log(`${sources.length} items (${outcomes} promise outcomes), ${exercises.length} exercises`);
console.log(`parse all documents: ${parseMs}`);

const base: Omit<JourneyInput, 'range'> = {
  sources,
  exercises,
  partners: [
    { id: A, name: 'Alex' },
    { id: B, name: 'Sam' },
  ],
  viewer: { id: B, role: 'partner' },
  timeZone: 'Europe/Berlin',
  now: new Date(),
};
for (const range of JOURNEY_RANGES) {
  console.log(`computeJourney ${range}: ${time(() => computeJourney({ ...base, range }), 21)}`);
}

// One change: the partner confirms this week's mark; only that item is parsed again (as the
// client's BoardReader does) and the journey recomputed.
const today = new Date().toISOString().slice(0, 10);
const open = listPromises(couple)
  .filter((p) => p.status === 'accepted' && p.promiserId === A)
  .slice(0, 21);
const samples: number[] = [];
const cpu = process.cpuUsage();
for (const p of open) {
  const period = periodOf(p.cadence, today);
  markPromise(couple, { userId: A, partnerIds: [A, B] }, { itemId: p.id, outcome: 'kept', period });
  confirmPromise(couple, { userId: B, partnerIds: [A, B] }, { itemId: p.id, period });
  const start = performance.now();
  const item = parseItemMap(p.id, itemsOf(couple).get(p.id)!);
  sources = sources.map((s) => (s.item.id === p.id ? { item, visibility: s.visibility } : s));
  computeJourney({ ...base, sources, range: '12w' });
  samples.push(performance.now() - start);
}
const used = process.cpuUsage(cpu);
console.log(
  `recompute after one confirmation (parse one item + compute 12 weeks): median ${median(samples).toFixed(2)} ms wall, max ${Math.max(...samples).toFixed(2)} ms (${samples.length} changes); ${((used.user + used.system) / 1000 / samples.length).toFixed(2)} ms CPU per change including the two board operations`,
);
console.log(
  `load average while measuring: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
