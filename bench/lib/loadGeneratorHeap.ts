// Imported first by the load generators: the same V8 heap options as the server
// (server/src/platform/v8Heap.ts), so that the load generator's own garbage-collection pauses,
// which delay what it measures, stay as short as the server's. `BENCH_LOAD_PRETENURING=1` and
// `BENCH_LOAD_HEAP_GROWING_PERCENT=0` keep V8's defaults in the load generator.
import { tuneV8Heap } from '../../server/src/platform/v8Heap';

tuneV8Heap({ pretenuring: process.env.BENCH_LOAD_PRETENURING, heapGrowingPercent: process.env.BENCH_LOAD_HEAP_GROWING_PERCENT });
