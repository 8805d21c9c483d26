import { CLOSENESS_KINDS, EXPERIENCE_CATEGORIES, type ClosenessKind, type ExperienceCategory } from '../board';
import { recordOf } from '../guards';
import { emptyBuckets, type InsightContext } from './context';
import { dateInZone } from './time';
import type { ExperienceInsights } from './types';

function zeroed<K extends string>(keys: readonly K[]): Record<K, number> {
  return recordOf(keys, () => 0);
}

/** Experiences done in the window, their balance of closeness and kind, and reflections on them. */
export function experienceInsights(ctx: InsightContext): ExperienceInsights {
  const buckets = emptyBuckets(ctx.window, (key) => ({ key, done: 0 }));
  const closeness: Record<ClosenessKind, number> = zeroed(CLOSENESS_KINDS);
  const categories: Record<ExperienceCategory, number> = zeroed(EXPERIENCE_CATEGORIES);
  const status = { idea: 0, planned: 0, done: 0, dropped: 0 };
  let doneInRange = 0;
  let plannedThenDone = 0;
  let reflections = 0;
  for (const e of ctx.experiences) {
    status[e.status] += 1;
    if (e.status !== 'done' || e.doneAt === null) continue;
    const bucket = buckets.at(dateInZone(e.doneAt, ctx.timeZone));
    if (!bucket) continue;
    bucket.done += 1;
    doneInRange += 1;
    for (const kind of e.closeness) closeness[kind] += 1;
    categories[e.category] += 1;
    if (e.history.some((h) => h.action === 'planned')) plannedThenDone += 1;
    for (const r of Object.values(e.reflections)) if (r.enjoyed.trim() || r.learned.trim()) reflections += 1;
  }
  return { buckets: buckets.list, doneInRange, closeness, categories, status, plannedThenDone, reflections };
}
