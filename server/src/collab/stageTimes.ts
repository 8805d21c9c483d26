import { Histogram, Registry } from 'prom-client';

/**
 * Where an update's time goes on the hot path, for the sync benchmark and profiling sessions:
 * - `decode`: structural decode of an incoming update (before anything is touched)
 * - `validate`: the `beforeApplyUpdate` hook (scratch-copy apply and the board rules)
 * - `apply`: applying to the live document, broadcast included
 * - `broadcast`: framing the update and sending it to the document's other peers
 * - `queue_wait`: accepted → its group commit starts (window plus the write ahead of it)
 * - `encode`: building a group commit's rows (BSON serialisation happens in the driver)
 * - `db_round_trip`: one group commit's insertMany, fsync included
 * - `ack`: marking a commit's updates stored and sending the *saved* messages
 * - `compact_encode` / `compact_write`: a compaction's snapshot encoding and its writes
 * Off unless `enableStageTimes` is called: the server pays one branch per stage.
 */
export type Stage =
  | 'decode'
  | 'validate'
  | 'apply'
  | 'broadcast'
  | 'queue_wait'
  | 'encode'
  | 'db_round_trip'
  | 'ack'
  | 'checkpoint_encode'
  | 'compact_encode'
  | 'compact_write';

const BUCKETS_S = [
  0.00001, 0.00002, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5,
];

let histogram: Histogram<'stage'> | null = null;
/** One child per stage, made once (prom-client still hashes the labels on every observe). */
const children = new Map<Stage, ReturnType<Histogram<'stage'>['labels']>>();

/** Starts recording stage times into `hearth_collab_stage_seconds{stage}` of `registry`. */
export function enableStageTimes(registry: Registry): void {
  histogram ??= new Histogram({
    name: 'hearth_collab_stage_seconds',
    help: 'Time per hot-path stage of an update (see stageTimes.ts)',
    labelNames: ['stage'],
    buckets: BUCKETS_S,
    registers: [registry],
  });
}

/** Whether stage times are recorded (callers skip taking timestamps otherwise). */
export function stageTimesOn(): boolean {
  return histogram !== null;
}

/** Records `ms` milliseconds for `stage` (no-op when off). */
export function recordStage(stage: Stage, ms: number): void {
  if (!histogram) return;
  let child = children.get(stage);
  if (!child) children.set(stage, (child = histogram.labels({ stage })));
  child.observe(ms / 1000);
}
