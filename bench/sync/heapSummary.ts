/**
 * `npx tsx bench/sync/heapSummary.ts <file> [--top 30] [--frames /server/src/]`: a sampling heap
 * profile (from `BENCH_HEAP_SAMPLE=<file>` of the benchmark server, or `BENCH_LOAD_HEAP_SAMPLE`
 * of the load generator) as allocated bytes by function (self) and by allocation stack (the four
 * innermost frames), and by the innermost frame of Hearth's own code that led to it (files whose
 * path holds `--frames`: the server's by default, `/bench/sync/` for the load generator;
 * "outside Hearth" when none did), largest first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface Node {
  callFrame: Frame;
  selfSize: number;
  children: Node[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, frames: { type: 'string', default: '/server/src/' } },
});
if (!positionals[0]) throw new Error('usage: heapSummary.ts <file>');
const root = (JSON.parse(readFileSync(positionals[0], 'utf8')) as { head: Node }).head;
const name = (f: Frame) => `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
const bySelf = new Map<string, number>();
const byStack = new Map<string, number>();
const byHearth = new Map<string, number>();
let total = 0;
const hearthFrame = (f: Frame) => f.url.includes(values.frames);
function walk(node: Node, stack: string[], hearth: string): void {
  const here = [...stack, name(node.callFrame)];
  if (hearthFrame(node.callFrame)) hearth = here[here.length - 1]!;
  if (node.selfSize > 0) {
    byHearth.set(hearth, (byHearth.get(hearth) ?? 0) + node.selfSize);
    total += node.selfSize;
    const self = here[here.length - 1]!;
    bySelf.set(self, (bySelf.get(self) ?? 0) + node.selfSize);
    const key = here.slice(-4).reverse().join(' ← ');
    byStack.set(key, (byStack.get(key) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, here, hearth);
}
walk(root, [], 'outside Hearth');
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(values.top))
    .map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)} %  ${(v / 1024 / 1024).toFixed(1).padStart(7)} MiB  ${k}`)
    .join('\n');
process.stdout.write(
  `${(total / 1024 / 1024).toFixed(1)} MiB sampled\n\nby function (self)\n${top(bySelf)}\n\nby stack\n${top(byStack)}\n\nby Hearth caller\n${top(byHearth)}\n`,
);
