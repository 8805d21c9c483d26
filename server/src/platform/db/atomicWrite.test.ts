import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exclusive, setSerializedWrites } from './atomicWrite';

const SRC = path.resolve(__dirname, '../..');
/** The collab feature keeps its own write path (journal appends and snapshot replacement). */
const EXEMPT = [path.join(SRC, 'collab') + path.sep];
const UPDATE = /\.(updateOne|updateMany|findOneAndUpdate|findByIdAndUpdate|findOneAndReplace|replaceOne|bulkWrite)\(|\.save\(\)/;
const WRAPPED = /atomicWrite\(\w+, \(\) =>\s*\w+\.(updateOne|updateMany|findOneAndUpdate)\(/;
/** The wrapper's opening when the update itself is on the next line. */
const WRAP_OPENING = /atomicWrite\(\w+, \(\) =>\s*$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') && !full.endsWith('.test.ts') ? [full] : [];
  });
}

describe('atomicWrite', () => {
  it('every update in server/src (outside collab) goes through atomicWrite', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !EXEMPT.some((dir) => file.startsWith(dir)))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i, lines) => ({ line, before: lines[i - 1] ?? '', where: `${path.relative(SRC, file)}:${i + 1}` }))
          .filter(({ line, before }) => UPDATE.test(line) && !WRAPPED.test(line) && !WRAP_OPENING.test(before) && !line.trim().startsWith('*')),
      )
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('runs sections with one key one at a time, in order, and survives a failing one', async () => {
    setSerializedWrites(true);
    try {
      const log: string[] = [];
      const section = (name: string, ms: number, fail = false) =>
        exclusive('k', async () => {
          log.push(`${name}+`);
          await new Promise((r) => setTimeout(r, ms));
          log.push(`${name}-`);
          if (fail) throw new Error(name);
        });
      const results = await Promise.allSettled([section('a', 20), section('b', 5, true), section('c', 1)]);
      expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    } finally {
      setSerializedWrites(false);
    }
  });
});
