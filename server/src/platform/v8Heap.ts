import v8 from 'node:v8';

/** The V8 option that turns allocation-site pretenuring off. */
export const NO_PRETENURING = '--no-allocation-site-pretenuring';

/** How far the old generation may grow past what was live after a full collection (percent). */
export const HEAP_GROWING_PERCENT = 100;

export interface V8HeapSwitches {
  /** `HEARTH_PRETENURING=1` keeps V8's allocation-site pretenuring. */
  pretenuring?: string;
  /** `HEARTH_HEAP_GROWING_PERCENT=<10–300>`, or 0 for V8's own growing factor. */
  heapGrowingPercent?: string;
}

/**
 * The V8 heap options of the sync server (docs/performance.md, "Objects born old, and a quieter
 * instrument"), set at start-up; returns the options it set. Both are about the garbage
 * collector's pauses, which at 1,000 clients were most of the propagation and saved-ack tail.
 *
 * **No allocation-site pretenuring.** V8 counts, per allocation site (an object or array
 * literal), how many of its objects survive a young-generation collection; once most do, every
 * later object of that site is allocated straight in the old generation. The sync server's
 * short-lived objects defeat that rule: a group commit's rows, an update's encoding and its
 * reached clocks live until their commit (milliseconds), an edit's Yjs transaction for the edit,
 * and at 2,000 edits a second enough of them are alive when a young collection runs that V8
 * pretenures their sites. From then on each is born old and dead milliseconds later, stays until
 * the next full collection, and every young object it points to is kept and promoted by the young
 * collections before that (an old object's pointers are roots for them). Off, they die young.
 *
 * **A fixed heap growing factor of 2.** After a full collection V8 lets the old generation grow
 * by a factor it picks from the collector's speed (between 1.1 and 4); for this server it picked
 * small ones, so full collections, whose final pauses were the longest left, came every 4–7 s
 * under load. Doubling means fewer of them, for more memory between them (measured against the
 * idle-connection and soak targets).
 *
 * Must run before the process has done much, so `platform/v8HeapTuned.ts` is the first import of
 * the entry points; `v8.setFlagsFromString` reaches V8's allocation and collection decisions
 * from then on (`v8Heap.test.ts` checks both options in real processes).
 */
export function tuneV8Heap(switches: V8HeapSwitches = fromEnv(), apply: (flag: string) => void = v8.setFlagsFromString): string[] {
  const flags: string[] = [];
  const pretenuring = switches.pretenuring ?? '';
  if (!['', '0', '1'].includes(pretenuring)) throw new Error('HEARTH_PRETENURING is 0 or 1');
  if (pretenuring !== '1') flags.push(NO_PRETENURING);
  const growing = switches.heapGrowingPercent ? Number(switches.heapGrowingPercent) : HEAP_GROWING_PERCENT;
  if (!Number.isInteger(growing) || (growing !== 0 && (growing < 10 || growing > 300))) {
    throw new Error('HEARTH_HEAP_GROWING_PERCENT is 0 (V8 decides) or a whole number from 10 to 300');
  }
  if (growing !== 0) flags.push(`--heap-growing-percent=${growing}`);
  for (const flag of flags) apply(flag);
  return flags;
}

function fromEnv(): V8HeapSwitches {
  return { pretenuring: process.env.HEARTH_PRETENURING, heapGrowingPercent: process.env.HEARTH_HEAP_GROWING_PERCENT };
}
