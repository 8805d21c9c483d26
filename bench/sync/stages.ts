/**
 * The server's per-stage times (`hearth_collab_stage_seconds{stage}`, server/src/collab/
 * stageTimes.ts) over the measured window: mean and p99 (the upper edge of the histogram
 * bucket holding the 99th percentile) per stage.
 */
export type StageSnapshot = Map<string, { buckets: [number, number][]; sum: number; count: number }>;

export function parseStages(metricsText: string): StageSnapshot {
  const out: StageSnapshot = new Map();
  const get = (stage: string) => {
    let s = out.get(stage);
    if (!s) out.set(stage, (s = { buckets: [], sum: 0, count: 0 }));
    return s;
  };
  for (const line of metricsText.split('\n')) {
    const m = /^hearth_collab_stage_seconds_(bucket|sum|count)\{(.*)\} (\S+)$/.exec(line);
    if (!m) continue;
    const stage = /stage="([^"]+)"/.exec(m[2]!)?.[1];
    if (!stage) continue;
    const value = Number(m[3]);
    if (m[1] === 'sum') get(stage).sum = value;
    else if (m[1] === 'count') get(stage).count = value;
    else {
      const le = /le="([^"]+)"/.exec(m[2]!)?.[1];
      get(stage).buckets.push([le === '+Inf' ? Infinity : Number(le), value]);
    }
  }
  return out;
}

/** One line per stage: count, mean and p99 (bucket edge) in ms, of `after` minus `before`. */
export function formatStages(before: StageSnapshot, after: StageSnapshot): string {
  const lines: string[] = [];
  for (const [stage, a] of after) {
    const b = before.get(stage);
    const count = a.count - (b?.count ?? 0);
    if (count <= 0) continue;
    const mean = ((a.sum - (b?.sum ?? 0)) / count) * 1000;
    const target = count * 0.99;
    let p99 = Infinity;
    for (const [i, [le, cumulative]] of a.buckets.entries()) {
      if (cumulative - (b?.buckets[i]?.[1] ?? 0) >= target) {
        p99 = le;
        break;
      }
    }
    const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms.toFixed(1));
    lines.push(`    ${stage.padEnd(15)} n=${String(count).padEnd(7)} mean ${fmt(mean).padStart(7)} ms  p99 ≤ ${fmt(p99 * 1000)} ms`);
  }
  return lines.join('\n');
}
