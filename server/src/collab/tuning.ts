import { z } from 'zod';

/**
 * Switches for A/B runs of the sync benchmark (docs/performance.md, "Closing the tail"). The
 * defaults are the measured best; these exist so that a variant can be re-measured later.
 * - `HEARTH_WRITE_LANE=0`: compaction writes go to the database concurrently with group
 *   commits instead of taking turns with them.
 * - `HEARTH_COMMIT_WINDOW=<ms>`: the group-commit window (overrides `batchDelayMs`).
 * - `HEARTH_PREPARE_SEGMENTS=0`: the next journal segment is created by its first group
 *   commit instead of ahead of rotation.
 * - `HEARTH_CHECKPOINTS=0`: documents being edited are compacted into their snapshot
 *   collection (a write of its own) instead of checkpointed into the group commit.
 * - `HEARTH_SEGMENT_INDEX=0`: a cold open reads every journal segment, also own segments
 *   that hold no row of the document.
 * - `HEARTH_ROTATE_MS=<ms>`: how long a journal segment takes writes before the next one
 *   (default 10,000).
 * - `HEARTH_YOUNG_TRANSACTIONS=0`: Yjs keeps pushing transactions into a list that may have
 *   reached V8's old generation (`youngTransactions.ts`).
 */
const schema = z.object({
  HEARTH_WRITE_LANE: z.enum(['0', '1']).default('1'),
  HEARTH_PREPARE_SEGMENTS: z.enum(['0', '1']).default('1'),
  HEARTH_COMMIT_WINDOW: z.coerce.number().min(0).max(1000).optional(),
  HEARTH_CHECKPOINTS: z.enum(['0', '1']).default('1'),
  HEARTH_SEGMENT_INDEX: z.enum(['0', '1']).default('1'),
  HEARTH_ROTATE_MS: z.coerce.number().int().min(500).max(600_000).optional(),
  HEARTH_YOUNG_TRANSACTIONS: z.enum(['0', '1']).default('1'),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) throw new Error(`invalid collab tuning variable: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);

export const collabTuning = {
  writeLane: parsed.data.HEARTH_WRITE_LANE === '1',
  prepareSegments: parsed.data.HEARTH_PREPARE_SEGMENTS === '1',
  commitWindowMs: parsed.data.HEARTH_COMMIT_WINDOW,
  checkpoints: parsed.data.HEARTH_CHECKPOINTS === '1',
  segmentIndex: parsed.data.HEARTH_SEGMENT_INDEX === '1',
  rotateMs: parsed.data.HEARTH_ROTATE_MS,
  youngTransactions: parsed.data.HEARTH_YOUNG_TRANSACTIONS === '1',
};
