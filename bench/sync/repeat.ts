/**
 * `npx tsx bench/sync/repeat.ts [--times 3] [--variant "ENV=value …"]… -- <bench:sync arguments>`
 * Runs the sync benchmark (`bench/sync/run.ts`) `--times` times per variant, the variants
 * alternated round by round (so that a machine getting slower hits all of them alike), and
 * prints for each variant and target the propagation and saved-ack p99 of every run with their
 * median. A variant is a space-separated list of environment assignments for the run (its
 * server inherits them); the empty variant (the default when none is given) is the code as it
 * is. `BENCH_TREE=<dir>` in a variant runs the benchmark of another checkout (e.g. a `git worktree`
 * of the commit before a change), so that code versions can be alternated too. On a 2-core machine one run's p99 moves by a factor of two between runs of the same code
 * (docs/performance.md, "Where the bursts come from"): compare medians, not single runs.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { times: { type: 'string', default: '3' }, variant: { type: 'string', multiple: true, default: [''] } },
});
const times = Number(values.times);
if (!Number.isInteger(times) || times < 1) throw new Error('--times is a whole number ≥ 1');
const variants = values.variant.map((v) => ({
  label: v || '(defaults)',
  env: Object.fromEntries(
    v
      .split(' ')
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        if (at <= 0) throw new Error(`a variant is ENV=value pairs, not "${pair}"`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
  ),
}));
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'run.ts');

interface Reading {
  propagation: number;
  ack: number | null;
}

/** One run of the benchmark; its p99s per target ("Hearth, board rules on", the reference …). */
function runOnce({ BENCH_TREE: tree, ...env }: Record<string, string>): Promise<Map<string, Reading>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', tree ? path.join(tree, 'bench/sync/run.ts') : script, ...positionals], {
      cwd: tree ?? process.cwd(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the benchmark exited with ${code}:\n${out}`));
      const readings = new Map<string, Reading>();
      let target = '';
      for (const line of out.split('\n')) {
        const header = /^(.+): \d+ clients,/.exec(line);
        if (header) target = header[1]!;
        const propagation = /propagation ms .* p99 ([\d.]+)/.exec(line);
        if (propagation) readings.set(target, { propagation: Number(propagation[1]), ack: null });
        const ack = /saved-ack ms .* p99 ([\d.]+)/.exec(line);
        if (ack && readings.has(target)) readings.get(target)!.ack = Number(ack[1]);
        if (/^\s+errors\s+[1-9]/.test(line)) process.stderr.write(`${target}: ${line.trim()}\n`);
      }
      resolve(readings);
    });
  });
}

const results = variants.map(() => new Map<string, Reading[]>());
for (let round = 1; round <= times; round++) {
  for (const [i, variant] of variants.entries()) {
    process.stderr.write(`round ${round}/${times}: ${variant.label}\n`);
    for (const [target, reading] of await runOnce(variant.env)) {
      results[i]!.set(target, [...(results[i]!.get(target) ?? []), reading]);
    }
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const list = (xs: number[]) => `${xs.map((x) => x.toFixed(1)).join(' / ')}  (median ${median(xs).toFixed(1)})`;
for (const [i, variant] of variants.entries()) {
  process.stdout.write(`\n${variant.label}\n`);
  for (const [target, readings] of results[i]!) {
    const acks = readings.flatMap((r) => (r.ack === null ? [] : [r.ack]));
    process.stdout.write(`  ${target}\n    propagation p99 ms  ${list(readings.map((r) => r.propagation))}\n`);
    if (acks.length > 0) process.stdout.write(`    saved-ack p99 ms    ${list(acks)}\n`);
  }
}
process.exit(0);
