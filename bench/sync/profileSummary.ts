/**
 * `npx tsx bench/sync/profileSummary.ts <file.cpuprofile|dir> [--top 30]`: self time of a V8 CPU
 * profile (from `BENCH_PROFILE=<dir> npm run bench:sync`) by function and by package, as shares
 * of the sampled time, so that runs on a busy machine can still be compared.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' } } });
const target = positionals[0];
if (!target) throw new Error('usage: profileSummary.ts <file.cpuprofile|dir>');
// In a directory, the largest profile is the server's main thread (tsx adds a small loader thread).
const file = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(target, f))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0]!
  : target;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const frame = byId.get(id)!.callFrame;
  const file = frame.url.replace(/^file:\/\//, '');
  const pkg =
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ??
    (file.includes('/server/src/')
      ? 'hearth server'
      : file === ''
        ? frame.functionName || '(native)'
        : file.startsWith('node:')
          ? 'node core'
          : path.basename(file));
  const key = `${frame.functionName || '(anonymous)'}  ${path.basename(file)}:${frame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
  total += dt;
});
const top = (m: Map<string, number>, n: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`)
    .join('\n');
process.stdout.write(
  `${file}: ${(total / 1e6).toFixed(1)} s sampled\n\nby package\n${top(byPackage, 15)}\n\nby function (self)\n${top(self, Number(values.top))}\n`,
);
