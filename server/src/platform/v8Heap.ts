import v8 from 'node:v8';

/** The V8 option that turns allocation-site pretenuring off. */
export const NO_PRETENURING = '--no-allocation-site-pretenuring';

/**
 * Turns off V8's allocation-site pretenuring for this process, unless `HEARTH_PRETENURING=1`
 * (the A/B switch of docs/performance.md, "Objects born old"). Returns whether it did.
 *
 * V8 counts, per allocation site (an object or array literal), how many of its objects survive
 * a young-generation collection; once most do, every later object of that site is allocated
 * straight in the old generation. The sync server's short-lived objects defeat that rule: a
 * group commit's rows, an update's encoding and its reached clocks live until their commit
 * (milliseconds), an edit's Yjs transaction lives for the edit, and at 2,000 edits a second
 * enough of them are alive when a young collection runs that V8 pretenures their sites. From
 * then on each of them is born old and dead milliseconds later, stays in the old generation
 * until the next full collection, and, worse, every young object it points to is kept and
 * promoted by every young collection before that (an old object's pointers are roots for a
 * young collection). With pretenuring off they die young, as they should: at 1,000 clients the
 * server promoted half as much and its young collections were shorter (measured in
 * docs/performance.md).
 *
 * It must run before the process has done much, so `platform/v8HeapTuned.ts` is the first
 * import of the entry points. V8 reads the option when it collects garbage and when it decides
 * how to allocate, and `v8.setFlagsFromString` reaches both (`v8Heap.test.ts` checks it in a
 * real process).
 */
export function tuneV8Heap(pretenuring: string | undefined = process.env.HEARTH_PRETENURING): boolean {
  if (pretenuring === '1') return false;
  if (pretenuring !== undefined && pretenuring !== '' && pretenuring !== '0') throw new Error('HEARTH_PRETENURING is 0 or 1');
  v8.setFlagsFromString(NO_PRETENURING);
  return true;
}
