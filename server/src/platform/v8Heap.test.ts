import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tuneV8Heap } from './v8Heap';

const tunedModule = path.join(import.meta.dirname, 'v8HeapTuned.ts');
const serverSrc = path.join(import.meta.dirname, '..');

/**
 * A real Node process that loads the server's heap options (unless told not to), lets one
 * object-literal site's objects survive young collections — what makes V8 pretenure a site —
 * and prints how many of 1,000 objects made there afterwards are born in the old generation.
 */
const PROBE = `
if (process.env.PROBE_TUNED === '1') await import(${JSON.stringify(tunedModule)});
const inYoungGeneration = new Function('o', 'return %InYoungGeneration(o)');
function make(i) { return { i, next: null }; }
const keep = [];
for (let i = 0; i < 1_000_000; i++) keep.push(make(i));
let bornOld = 0;
for (let i = 0; i < 1000; i++) if (!inYoungGeneration(make(i))) bornOld++;
process.stdout.write('BORN OLD ' + bornOld + ' of ' + keep.length + '\\n');
`;

function probe(tuned: boolean, pretenuring?: '1'): Promise<number> {
  const { HEARTH_PRETENURING: _inherited, ...env } = process.env;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-v8heap-'));
  const script = path.join(dir, 'probe.mjs');
  writeFileSync(script, PROBE);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], {
      env: { ...env, PROBE_TUNED: tuned ? '1' : '0', ...(pretenuring ? { HEARTH_PRETENURING: pretenuring } : {}) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const match = /BORN OLD (\d+) of 1000000/.exec(out);
      if (code !== 0 || !match) return reject(new Error(`the probe exited with ${code}: ${out}`));
      resolve(Number(match[1]));
    });
  });
}

describe('V8 heap options', () => {
  it('in a real process: no object is born in the old generation once the server module is loaded; V8 pretenures without it', async () => {
    const [tuned, untuned, switchedBack] = await Promise.all([probe(true), probe(false), probe(true, '1')]);
    expect(tuned).toBe(0);
    // The probe must be able to see pretenuring at all, or the first expectation proves nothing.
    expect(untuned).toBeGreaterThan(900);
    expect(switchedBack).toBeGreaterThan(900);
  }, 60_000);

  it('HEARTH_PRETENURING=1 keeps V8 as it is; any other value than 0 or 1 is refused', () => {
    expect(tuneV8Heap('1')).toBe(false);
    expect(() => tuneV8Heap('yes')).toThrow('HEARTH_PRETENURING is 0 or 1');
  });

  it('is the first thing the server and the sync benchmark server load', () => {
    const firstImport = (file: string) => /^import .*$/m.exec(readFileSync(path.join(serverSrc, file), 'utf8'))?.[0];
    expect(firstImport('main.ts')).toBe("import './platform/v8HeapTuned';");
    expect(firstImport('../../bench/sync/benchServer.ts')).toBe("import '../../server/src/platform/v8HeapTuned';");
  });
});
