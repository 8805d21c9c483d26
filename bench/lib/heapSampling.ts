import inspector from 'node:inspector';
import { writeFileSync } from 'node:fs';

/**
 * Starts V8's sampling heap profiler in this process. Always kept: objects promoted to the old
 * generation (whether a major collection frees them later or not); `allocations: 'all'` keeps
 * those a young collection frees too. The returned function stops it and writes the profile
 * (read it with `bench/sync/heapSummary.ts`).
 */
export function startHeapSampling(allocations: 'promoted' | 'all' = 'promoted'): (file: string) => Promise<void> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  const started = post('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: allocations === 'all',
  });
  return async (file) => {
    await started;
    const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}
