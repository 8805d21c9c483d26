import { describe, expect, it } from 'vitest';
import { LoadSequence } from './loadSequence';

/** A load the test settles by hand, recording the signal it was given. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  let signal!: AbortSignal;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const load = (s: AbortSignal) => {
    signal = s;
    return promise;
  };
  return { load, resolve, reject, signal: () => signal };
}

describe('LoadSequence', () => {
  it('applies the result of the only load', async () => {
    const loads = new LoadSequence();
    expect(await loads.run(async () => 'counsellors of space A')).toEqual({ stale: false, ok: true, value: 'counsellors of space A' });
    const failure = new Error('offline');
    expect(await loads.run(() => Promise.reject(failure))).toEqual({ stale: false, ok: false, error: failure });
  });

  it('drops an older answer that arrives after a newer one, without aborting it early', async () => {
    const loads = new LoadSequence();
    const older = deferred<string>();
    const newer = deferred<string>();
    const first = loads.run(older.load);
    const second = loads.run(newer.load);
    // A poll starting again must not starve a slow answer.
    expect(older.signal().aborted).toBe(false);
    newer.resolve('log with the new visit');
    expect(await second).toEqual({ stale: false, ok: true, value: 'log with the new visit' });
    older.resolve('log without it');
    expect(await first).toEqual({ stale: true });
  });

  it('applies answers that arrive in order', async () => {
    const loads = new LoadSequence();
    const older = deferred<string>();
    const newer = deferred<string>();
    const first = loads.run(older.load);
    const second = loads.run(newer.load);
    older.resolve('first');
    expect(await first).toEqual({ stale: false, ok: true, value: 'first' });
    newer.resolve('second');
    expect(await second).toEqual({ stale: false, ok: true, value: 'second' });
  });

  it('after cancel (unmounted, or the key changed) aborts what runs and applies neither its result nor its error', async () => {
    const loads = new LoadSequence();
    const spaceA = deferred<string>();
    const failing = deferred<string>();
    const a = loads.run(spaceA.load);
    const b = loads.run(failing.load);
    loads.cancel();
    expect(spaceA.signal().aborted).toBe(true);
    expect(failing.signal().aborted).toBe(true);
    const spaceB = loads.run(async (signal) => (signal.aborted ? 'aborted' : 'space B'));
    spaceA.resolve('space A, late');
    failing.reject(new Error('aborted'));
    expect(await a).toEqual({ stale: true });
    expect(await b).toEqual({ stale: true });
    expect(await spaceB).toEqual({ stale: false, ok: true, value: 'space B' });
  });
});
