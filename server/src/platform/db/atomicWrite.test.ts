import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exclusive, setSerializedWrites } from './atomicWrite';

const SRC = path.resolve(__dirname, '../..');
/** The collab feature keeps its own write path (journal appends and snapshot replacement). */
const EXEMPT = [path.join(SRC, 'collab') + path.sep];
const UPDATE = /\.(updateOne|updateMany|findOneAndUpdate|findByIdAndUpdate|findOneAndReplace|replaceOne|bulkWrite)\(|\.save\(\)/g;
/** What must come right before the call (line breaks allowed): `atomicWrite(Model, () => Model`. */
const WRAPPED = /atomicWrite\(\w+, \(\) =>\s*\w+$/;

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
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return [...text.matchAll(UPDATE)]
          .filter((m) => !WRAPPED.test(text.slice(Math.max(0, m.index - 200), m.index)))
          .filter((m) => !/^\s*\*/.test(text.slice(text.lastIndexOf('\n', m.index) + 1, m.index)))
          .map((m) => `${path.relative(SRC, file)}:${text.slice(0, m.index).split('\n').length}: ${m[0]}`);
      });
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
