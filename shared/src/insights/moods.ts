import { emptyBuckets, type InsightContext } from './context';
import { dateInZone, inWindow } from './time';
import type { AppreciationInsights, MoodInsights, MoodSeries } from './types';

/** One mood line per person who checked in, with the days they did. */
export function moodInsights(ctx: InsightContext): MoodInsights {
  const lines = new Map<string, MoodSeries>();
  const days = new Set<string>();
  for (const c of ctx.checkins) {
    if (!inWindow(c.date, ctx.window)) continue;
    let line = lines.get(c.userId);
    if (!line) lines.set(c.userId, (line = { personId: c.userId, points: [] }));
    line.points.push({ date: c.date, mood: c.mood });
    days.add(c.date);
  }
  const series = [...lines.values()].sort((a, b) => a.personId.localeCompare(b.personId));
  for (const line of series) line.points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { series, hidden: [], checkinDays: days.size };
}

export function appreciationInsights(ctx: InsightContext): AppreciationInsights {
  const buckets = emptyBuckets(ctx.window, (key) => ({ key, count: 0 }));
  const byAuthor = new Map<string, AppreciationInsights['byAuthor'][number]>();
  let total = 0;
  for (const a of ctx.appreciations) {
    const bucket = buckets.at(dateInZone(a.createdAt, ctx.timeZone));
    if (!bucket) continue;
    bucket.count += 1;
    total += 1;
    const author = byAuthor.get(a.fromId) ?? { fromId: a.fromId, toId: a.toId, count: 0 };
    author.count += 1;
    byAuthor.set(a.fromId, author);
  }
  return { buckets: buckets.list, total, byAuthor: [...byAuthor.values()].sort((x, y) => x.fromId.localeCompare(y.fromId)) };
}
