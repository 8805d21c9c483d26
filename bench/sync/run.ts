/**
 * `npm run bench:sync -- [--spaces 250] [--rate 2] [--duration 30] [--no-reference] [--rules off|on|both] [--cold-open-every 2] [--warmup 5]`
 * N spaces × 2 partners typing into the notes of one board plan at R updates/s each for T
 * seconds, against Hearth (embedded database, every update stored and acknowledged) without
 * and then with the board rules checked on every update, and then against the y-websocket@1
 * reference server (in memory, no acknowledgement); meanwhile one more partner opens a space
 * that is not loaded every `cold-open-every` seconds. Prints each run, what validation costs
 * per update, and the ratio to the reference. `BENCH_TIMELINE=1` also prints when the slow
 * updates happened; `BENCH_NODE_FLAGS` / `BENCH_SERVER_LOG` pass flags to the server process
 * and keep its output.
 */
import '../lib/loadGeneratorHeap';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LoadClient, sentAt } from './loadClient';
import { cpuSeconds, percentile, rssMiB } from './processStats';
import { formatStages, parseStages } from './stages';
import { startHeapSampling } from '../lib/heapSampling';

const { values } = parseArgs({
  options: {
    spaces: { type: 'string', default: '250' },
    rate: { type: 'string', default: '2' },
    duration: { type: 'string', default: '30' },
    'no-reference': { type: 'boolean', default: false },
    rules: { type: 'string', default: 'both' },
    /** Seconds between cold opens during the measured window (0: none, as before 2026-11-30 10:15). */
    'cold-open-every': { type: 'string', default: '2' },
    /** Seconds of typing before the measured window (0: the window starts with the first keystroke). */
    warmup: { type: 'string', default: '5' },
  },
});
const WARMUP_S = Number(values.warmup);
const COLD_OPEN_EVERY_MS = Number(values['cold-open-every']) * 1000;
const SPACES = Number(values.spaces);
const RATE = Number(values.rate);
const DURATION_S = Number(values.duration);
const TIMELINE = process.env.BENCH_TIMELINE === '1';
const here = path.dirname(fileURLToPath(import.meta.url));

interface Target {
  name: string;
  child: ChildProcess;
  pids: number[];
  urlFor(doc: string): string;
  storedUpdates?: () => Promise<number>;
  metricsText?: () => Promise<string>;
  validation?: () => Promise<{ calls: number; ms: number; refused: number }>;
}

async function startProcess(cmd: string, args: string[], env: Record<string, string>, ready: RegExp) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    let out = '';
    const log = process.env.BENCH_SERVER_LOG;
    child.stdout!.on('data', (d: Buffer) => {
      if (log) appendFileSync(log, d);
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve(m);
    });
    child.once('exit', (code) => reject(new Error(`${cmd} exited with ${code}`)));
  });
  return { child, match };
}

async function startHearth(validation: boolean): Promise<Target> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  // e.g. BENCH_NODE_FLAGS=--trace-gc BENCH_SERVER_LOG=/tmp/server.log: the server's stdout is kept there.
  profile.push(...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean));
  const env = { BENCH_VALIDATION: validation ? '1' : '0' };
  const { child, match } = await startProcess(
    process.execPath,
    [...profile, '--import', 'tsx', path.join(here, 'benchServer.ts')],
    env,
    /READY (\d+) (\d+)/,
  );
  const port = Number(match[1]);
  return {
    name: `Hearth, board rules ${validation ? 'on' : 'off'}`,
    validation: async () =>
      (await (await fetch(`http://127.0.0.1:${port}/validation`)).json()) as { calls: number; ms: number; refused: number },
    child,
    pids: [child.pid!, Number(match[2])].filter((p) => p > 0),
    urlFor: (doc) => `ws://127.0.0.1:${port}/yjs/${doc}`,
    metricsText: async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text(),
    storedUpdates: async () => {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      return Number(/^hearth_collab_updates_total (\S+)/m.exec(text)?.[1] ?? 0);
    },
  };
}

async function startReference(): Promise<Target> {
  const require = createRequire(import.meta.url);
  const script = path.join(path.dirname(require.resolve('y-websocket-reference/package.json')), 'bin/server.js');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const { child } = await startProcess(process.execPath, [script], { HOST: '127.0.0.1', PORT: String(port) }, /running at/);
  return { name: 'y-websocket@1 reference', child, pids: [child.pid!], urlFor: (doc) => `ws://127.0.0.1:${port}/${doc}` };
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

async function runLoad(target: Target) {
  const propagation: number[] = [];
  const acks: number[] = [];
  const errors: string[] = [];
  // BENCH_TIMELINE=1: when the slow ones happened (second of the run → count, worst), to tell
  // periodic stalls (rotation, a database checkpoint) from a spread-out tail.
  const slow = { propagation: new Map<number, number[]>(), ack: new Map<number, number[]>() };
  const noteSlow = (kind: keyof typeof slow, ms: number, limit: number) => {
    if (!TIMELINE || ms < limit) return;
    const second = Math.floor((performance.now() - timelineStart) / 1000);
    slow[kind].set(second, [...(slow[kind].get(second) ?? []), ms]);
  };
  let timelineStart = performance.now();
  const observer = {
    propagation: (ms: number) => {
      propagation.push(ms);
      noteSlow('propagation', ms, 25);
    },
    ack: (ms: number) => {
      acks.push(ms);
      noteSlow('ack', ms, 50);
    },
    error: (e: string) => errors.push(e),
  };
  const clients: LoadClient[] = [];
  const runId = Date.now().toString(16).padStart(12, '0').slice(-12);
  for (let s = 0; s < SPACES; s++) {
    const doc = `space:${runId}${s.toString(16).padStart(12, '0')}`;
    for (const who of ['a', 'b']) {
      clients.push(new LoadClient(target.urlFor(doc), { 'x-bench-user': `${who}${s}`, origin: 'http://bench.test' }, observer));
    }
    if (s % 50 === 49) await waitUntil(() => clients.every((c) => c.synced), 30_000);
  }
  if (!(await waitUntil(() => clients.every((c) => c.synced), 60_000))) errors.push('not every client synced');
  for (let s = 0; s < SPACES; s++) clients[2 * s]!.createPlan({ userId: `a${s}`, partnerIds: [`a${s}`, `b${s}`] });
  if (!(await waitUntil(() => clients.every((c) => c.hasPlan()), 60_000))) errors.push('not every client got its plan');
  // Let connection set-up (document loads, JIT warm-up) finish before measuring.
  await new Promise((r) => setTimeout(r, 5000));
  // Then everyone types for `--warmup` s before the measured window: the first keystrokes of a
  // run compile the typing paths of both processes (the window used to begin with them).
  const warmupEnd = performance.now() + WARMUP_S * 1000;
  const warmupNext = clients.map(() => performance.now() + Math.random() * (1000 / RATE));
  while (performance.now() < warmupEnd) {
    const now = performance.now();
    for (let i = 0; i < clients.length; i++) {
      if (warmupNext[i]! > now) continue;
      clients[i]!.type();
      warmupNext[i]! += 1000 / RATE;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await waitUntil(() => clients.every((c) => c.pendingAcks === 0), target.storedUpdates && WARMUP_S > 0 ? 15_000 : 0);
  propagation.length = 0;
  acks.length = 0;

  const cpuBefore = target.pids.map(cpuSeconds);
  const loadCpuBefore = process.cpuUsage();
  const storedBefore = (await target.storedUpdates?.()) ?? 0;
  const stagesBefore = parseStages((await target.metricsText?.()) ?? '');
  let peakRss = 0;
  // Every 2 s one more partner opens a space that is not loaded, while everyone types: the time
  // from connecting to holding the synced document (a cold open under load).
  const coldOpens: number[] = [];
  let opened = 0;
  const opener = setInterval(() => {
    if (COLD_OPEN_EVERY_MS === 0) return;
    const n = SPACES + opened++;
    const doc = `space:${runId}${n.toString(16).padStart(12, '0')}`;
    const t0 = performance.now();
    const client = new LoadClient(target.urlFor(doc), { 'x-bench-user': `a${n}`, origin: 'http://bench.test' }, observer);
    void waitUntil(() => client.synced, 30_000).then((ok) => {
      if (ok) coldOpens.push(client.syncedAt - t0);
      else errors.push('a cold open did not sync');
      client.close();
    });
  }, COLD_OPEN_EVERY_MS || 60_000);
  const started = performance.now();
  timelineStart = started;
  // BENCH_LOAD_HEAP_SAMPLE=<file>: what the load generator itself promotes during the window
  // (its own pauses are measured as latency); `heapSummary.ts <file> --frames /bench/sync/`.
  const loadHeapSample = process.env.BENCH_LOAD_HEAP_SAMPLE;
  const stopLoadHeapSample = loadHeapSample ? startHeapSampling() : null;
  const windowEpoch = Date.now();
  // The load generator's own event-loop delay per second (its pauses delay what it measures).
  const loop = TIMELINE ? monitorEventLoopDelay({ resolution: 5 }) : null;
  const loopMax: number[] = [];
  loop?.enable();
  const loopTick = loop
    ? setInterval(() => {
        loopMax.push(Math.round(loop.max / 1e6));
        loop.reset();
      }, 1000)
    : null;
  slow.propagation.clear();
  slow.ack.clear();
  const next = clients.map(() => started + Math.random() * (1000 / RATE));
  let typed = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = performance.now();
      if (now - started >= DURATION_S * 1000) {
        clearInterval(tick);
        return resolve();
      }
      for (let i = 0; i < clients.length; i++) {
        if (next[i]! <= now) {
          if (clients[i]!.type()) typed++;
          next[i]! += 1000 / RATE;
        }
      }
    }, 5);
    const sampler = setInterval(() => {
      peakRss = Math.max(
        peakRss,
        target.pids.reduce((n, p) => n + rssMiB(p), 0),
      );
      if (performance.now() - started >= DURATION_S * 1000) clearInterval(sampler);
    }, 1000);
  });
  clearInterval(opener);
  if (loadHeapSample) await stopLoadHeapSample?.(loadHeapSample);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = target.pids.map((p, i) => (cpuSeconds(p) - cpuBefore[i]!) / elapsed);
  const loadCpu = process.cpuUsage(loadCpuBefore);
  await waitUntil(() => clients.every((c) => c.pendingAcks === 0), target.storedUpdates ? 15_000 : 0);
  const storedAfter = (await target.storedUpdates?.()) ?? 0;
  const stages = formatStages(stagesBefore, parseStages((await target.metricsText?.()) ?? ''));
  const validation = await target.validation?.();
  if (validation?.refused) errors.push(`${validation.refused} updates refused`);
  await new Promise((r) => setTimeout(r, 500));
  let diverged = 0;
  for (let i = 0; i < clients.length; i += 2) {
    if (clients[i]!.boardText() !== clients[i + 1]!.boardText()) diverged++;
  }
  if (diverged > 0) errors.push(`${diverged} spaces diverged`);
  const unacked = clients.reduce((n, c) => n + c.pendingAcks, 0);
  if (target.storedUpdates && unacked > 0) errors.push(`${unacked} updates never acknowledged`);
  for (const c of clients) c.close();
  sentAt.clear();
  if (loopTick) clearInterval(loopTick);
  loop?.disable();
  if (TIMELINE) {
    process.stdout.write(
      `  window began at ${new Date(windowEpoch).toISOString()}; load generator's event-loop delay max per second (ms): ${loopMax.join(' ')}\n`,
    );
    for (const [kind, bySecond] of Object.entries(slow)) {
      const line = [...bySecond].sort(([a], [b]) => a - b).map(([sec, v]) => `${sec}s:${v.length}/${Math.round(Math.max(...v))}`);
      process.stdout.write(`  slow ${kind} (second:count/worst ms) ${line.join(' ')}\n`);
    }
  }
  propagation.sort((x, y) => x - y);
  acks.sort((x, y) => x - y);
  return {
    target: target.name,
    clients: clients.length,
    typed,
    updatesPerSecond: typed / elapsed,
    propagation: {
      p50: percentile(propagation, 50),
      p95: percentile(propagation, 95),
      p99: percentile(propagation, 99),
      n: propagation.length,
    },
    ack: target.storedUpdates ? { p50: percentile(acks, 50), p99: percentile(acks, 99), n: acks.length } : null,
    coldOpen: {
      p50: percentile(
        coldOpens.sort((x, y) => x - y),
        50,
      ),
      max: coldOpens.at(-1),
      n: coldOpens.length,
    },
    storedPerSecond: target.storedUpdates ? (storedAfter - storedBefore) / elapsed : null,
    validationUsPerUpdate: validation && validation.calls > 0 ? (validation.ms * 1000) / validation.calls : null,
    serverCpu: cpu,
    peakRssMiB: peakRss,
    loadGeneratorCpu: (loadCpu.user + loadCpu.system) / 1e6 / elapsed,
    stages,
    errors: [...new Set(errors)].slice(0, 10),
    errorCount: errors.length,
  };
}

function print(r: Awaited<ReturnType<typeof runLoad>>): void {
  const f = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(1));
  process.stdout.write(
    `\n${r.target}: ${r.clients} clients, ${f(r.updatesPerSecond)} updates/s typed\n` +
      `  propagation ms  p50 ${f(r.propagation.p50)}  p95 ${f(r.propagation.p95)}  p99 ${f(r.propagation.p99)}  (n=${r.propagation.n})\n` +
      (r.ack
        ? `  saved-ack ms    p50 ${f(r.ack.p50)}  p99 ${f(r.ack.p99)}  (n=${r.ack.n})\n`
        : '  saved-ack       none (the reference server does not store or acknowledge)\n') +
      `  cold open ms    p50 ${f(r.coldOpen.p50)}  max ${f(r.coldOpen.max)}  (n=${r.coldOpen.n}, a space not loaded, opened while everyone types)\n` +
      (r.storedPerSecond !== null ? `  stored/s        ${f(r.storedPerSecond)}\n` : '') +
      (r.validationUsPerUpdate !== null ? `  board rules     ${f(r.validationUsPerUpdate)} µs per update (in the hook, mean)\n` : '') +
      `  CPU (cores)     ${r.serverCpu.map((c) => c.toFixed(2)).join(' server + ')}${r.serverCpu.length > 1 ? ' database' : ''}; load generator ${r.loadGeneratorCpu.toFixed(2)}\n` +
      `  peak RSS        ${f(r.peakRssMiB)} MiB\n` +
      `  errors          ${r.errorCount}${r.errors.length ? ` (${r.errors.join('; ')})` : ''}\n` +
      (r.stages ? `  server stages (measured window)\n${r.stages}\n` : ''),
  );
}

const runs: Awaited<ReturnType<typeof runLoad>>[] = [];
// --rules off|on runs Hearth once (quicker A/B comparisons); both is the published run.
const ruleRuns = values.rules === 'both' ? [false, true] : [values.rules === 'on'];
for (const validation of ruleRuns) {
  const hearth = await startHearth(validation);
  runs.push(await runLoad(hearth));
  hearth.child.kill('SIGTERM');
  await new Promise((resolve) => hearth.child.once('exit', resolve));
  print(runs[runs.length - 1]!);
}
const off = runs[0]!;
const on = runs[runs.length - 1]!;
const change = (a: number | undefined | null, b: number | undefined | null) => (a && b ? `${(((b - a) / a) * 100).toFixed(1)}%` : 'n/a');
const cpuPerUpdate = (r: typeof on) => ((r.serverCpu[0] ?? 0) / r.updatesPerSecond) * 1e6;
if (runs.length === 2) {
  process.stdout.write(
    `\nboard rules on vs off: propagation p99 ${change(off.propagation.p99, on.propagation.p99)}, ` +
      `saved-ack p99 ${change(off.ack?.p99, on.ack?.p99)}, stored/s ${change(off.storedPerSecond, on.storedPerSecond)}; ` +
      `${on.validationUsPerUpdate?.toFixed(1)} µs per update in the hook, ` +
      `server CPU per update ${cpuPerUpdate(off).toFixed(0)} → ${cpuPerUpdate(on).toFixed(0)} µs\n`,
  );
}
if (!values['no-reference']) {
  const reference = await startReference();
  const theirs = await runLoad(reference);
  reference.child.kill('SIGTERM');
  print(theirs);
  const ratio = on.propagation.p99 / theirs.propagation.p99;
  process.stdout.write(`\npropagation p99 ratio ${on.target} / reference: ${ratio.toFixed(2)}×\n`);
}
process.exit(0);
