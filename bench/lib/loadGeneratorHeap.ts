// Imported first by the load generators: the same V8 heap options as the server
// (server/src/platform/v8Heap.ts), so that the load generator's own young-generation pauses,
// which delay what it measures, stay as short as the server's. `BENCH_LOAD_PRETENURING=1`
// keeps V8's default (pretenuring on) in the load generator.
import { tuneV8Heap } from '../../server/src/platform/v8Heap';

tuneV8Heap(process.env.BENCH_LOAD_PRETENURING);
