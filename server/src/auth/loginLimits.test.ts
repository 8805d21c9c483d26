import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors';
import { createLimits } from '../platform/limits';
import { LoginLimits } from './loginLimits';

const limitsFor = () => new LoginLimits(createLimits(undefined, pino({ level: 'silent' })), { windowSec: 1 });

async function refused(p: Promise<void>): Promise<boolean> {
  try {
    await p;
    return false;
  } catch (err) {
    if (err instanceof AppError && err.code === 'rate_limited') return true;
    throw err;
  }
}

describe('LoginLimits', () => {
  it('reserves at most 5 checks per account at once, whatever the concurrency', async () => {
    const limits = limitsFor();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => refused(limits.reserve('a@x.test', `10.0.0.${i}`))));
    expect(results.filter((r) => !r)).toHaveLength(5);
  });

  it('spaces out attempts after repeated failures, then lets the owner in; a success clears the count', async () => {
    const limits = limitsFor();
    for (let i = 0; i < 5; i++) {
      await limits.reserve('b@x.test', '10.0.0.1');
      await limits.failed('b@x.test');
    }
    await new Promise((r) => setTimeout(r, 1100));
    await limits.reserve('b@x.test', '10.0.0.1');
    await limits.failed('b@x.test'); // sixth failure: the next attempt waits a second
    expect(await refused(limits.reserve('b@x.test', '10.0.0.2'))).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await refused(limits.reserve('b@x.test', '10.0.0.2'))).toBe(false);
    await limits.succeeded('b@x.test', '10.0.0.2');
    for (let i = 0; i < 4; i++) expect(await refused(limits.reserve('b@x.test', '10.0.0.2'))).toBe(false);
  });

  it('limits one address across accounts', async () => {
    const limits = limitsFor();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => refused(limits.reserve(`u${i}@x.test`, '10.9.9.9'))));
    expect(results.filter((r) => !r)).toHaveLength(30);
  });
});
