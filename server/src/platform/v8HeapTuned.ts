// Imported first by the server's entry points: V8's heap options apply before anything else
// is allocated (see v8Heap.ts).
import { tuneV8Heap } from './v8Heap';

tuneV8Heap();
