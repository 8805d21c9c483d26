import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tuneV8Heap } from './v8Heap';

const tunedModule = path.join(import.meta.dirname, 'v8HeapTuned.ts');
const serverSrc = path.join(import.meta.dirname, '..');

/**
 * A real Node process that loads the server's heap options (unless told not to), lets one
 * object-literal site's objects survive young collections — what makes V8 pretenure a site —
 * and prints how many of 1,000 objects made there afterwards are born in the old generation;
 * then keeps ~300,000 objects live while promoting short-lived ones, and prints how many full
 * collections that took (fewer the more the old generation may grow between them).
 */
const PROBE = `
import { PerformanceObserver, constants } from 'node:perf_hooks';
if (process.env.PROBE_TUNED === '1') await import(${JSON.stringify(tunedModule)});
const inYoungGeneration = new Function('o', 'return %InYoungGeneration(o)');
function make(i) { return { i, next: null }; }
const keep = [];
for (let i = 0; i < 1_000_000; i++) keep.push(make(i));
let bornOld = 0;
for (let i = 0; i < 1000; i++) if (!inYoungGeneration(make(i))) bornOld++;
keep.length = 0;
let full = 0;
const gcs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++;
});
gcs.observe({ entryTypes: ['gc'] });
const live = [];
for (let i = 0; i < 300_000; i++) live.push({ i, s: 'x' + i });
const ring = new Array(100_000);
for (let i = 0; i < 6_000_000; i++) ring[i % ring.length] = { i, a: [i, i + 1] };
setTimeout(() => {
  gcs.disconnect();
  process.stdout.write('BORN OLD ' + bornOld + ' FULL ' + full + ' LIVE ' + live.length + '\\n');
}, 20);
`;

interface ProbeResult {
  bornOld: number;
  fullCollections: number;
}

function probe(tuned: boolean, switches: Record<string, string> = {}): Promise<ProbeResult> {
  const { HEARTH_PRETENURING: _p, HEARTH_HEAP_GROWING_PERCENT: _g, ...env } = process.env;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-v8heap-'));
  const script = path.join(dir, 'probe.mjs');
  writeFileSync(script, PROBE);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], {
      env: { ...env, PROBE_TUNED: tuned ? '1' : '0', ...switches },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      rmSync(dir, { recursive: true, force: true });
      const match = /BORN OLD (\d+) FULL (\d+) LIVE 300000/.exec(out);
      if (code !== 0 || !match) return reject(new Error(`the probe exited with ${code}: ${out}`));
      resolve({ bornOld: Number(match[1]), fullCollections: Number(match[2]) });
    });
  });
}

describe('V8 heap options', () => {
  it('in a real process: no object is born in the old generation once the server module is loaded; V8 pretenures without it', async () => {
    const [tuned, untuned, switchedBack] = await Promise.all([probe(true), probe(false), probe(true, { HEARTH_PRETENURING: '1' })]);
    expect(tuned.bornOld).toBe(0);
    // The probe must be able to see pretenuring at all, or the first expectation proves nothing.
    expect(untuned.bornOld).toBeGreaterThan(900);
    expect(switchedBack.bornOld).toBeGreaterThan(900);
  }, 60_000);

  it('in a real process: the growing factor the module sets decides how often V8 collects the old generation', async () => {
    const [tight, loose] = await Promise.all([
      probe(true, { HEARTH_HEAP_GROWING_PERCENT: '10' }),
      probe(true, { HEARTH_HEAP_GROWING_PERCENT: '300' }),
    ]);
    expect(tight.fullCollections).toBeGreaterThan(2 * loose.fullCollections);
  }, 60_000);

  it('sets both options unless switched back; refuses values it does not know', () => {
    const applied: string[] = [];
    // Recorded, not applied: the test runner's own process keeps V8's defaults.
    const record = (flag: string) => void applied.push(flag);
    expect(tuneV8Heap({}, record)).toEqual(['--no-allocation-site-pretenuring', '--heap-growing-percent=100']);
    expect(tuneV8Heap({ pretenuring: '1', heapGrowingPercent: '0' }, record)).toEqual([]);
    expect(tuneV8Heap({ pretenuring: '0', heapGrowingPercent: '50' }, record)).toEqual([
      '--no-allocation-site-pretenuring',
      '--heap-growing-percent=50',
    ]);
    expect(() => tuneV8Heap({ pretenuring: 'yes' }, record)).toThrow('HEARTH_PRETENURING is 0 or 1');
    expect(() => tuneV8Heap({ heapGrowingPercent: '5' }, record)).toThrow('HEARTH_HEAP_GROWING_PERCENT');
    expect(() => tuneV8Heap({ heapGrowingPercent: 'lots' }, record)).toThrow('HEARTH_HEAP_GROWING_PERCENT');
    expect(applied).toEqual([
      '--no-allocation-site-pretenuring',
      '--heap-growing-percent=100',
      '--no-allocation-site-pretenuring',
      '--heap-growing-percent=50',
    ]);
  });

  it('is the first thing the server and the sync benchmark server load', () => {
    const firstImport = (file: string) => /^import .*$/m.exec(readFileSync(path.join(serverSrc, file), 'utf8'))?.[0];
    expect(firstImport('main.ts')).toBe("import './platform/v8HeapTuned';");
    expect(firstImport('../../bench/sync/benchServer.ts')).toBe("import '../../server/src/platform/v8HeapTuned';");
  });
});
