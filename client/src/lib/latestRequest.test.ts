import { describe, expect, it } from 'vitest';
import { LatestRequest } from './latestRequest';

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

describe('LatestRequest', () => {
  it('applies the result of the only load', async () => {
    const requests = new LatestRequest();
    expect(await requests.run(async () => 'counsellors of space A')).toEqual({ stale: false, ok: true, value: 'counsellors of space A' });
    const failure = new Error('offline');
    expect(await requests.run(() => Promise.reject(failure))).toEqual({ stale: false, ok: false, error: failure });
  });

  it('drops a slow answer for the previous key once a newer load started, and aborts its request', async () => {
    const requests = new LatestRequest();
    const spaceA = deferred<string>();
    const spaceB = deferred<string>();
    const first = requests.run(spaceA.load);
    const second = requests.run(spaceB.load);
    expect(spaceA.signal().aborted).toBe(true);
    expect(spaceB.signal().aborted).toBe(false);
    spaceB.resolve('space B');
    // Space A answers last (a slow server would): it must not replace B.
    spaceA.resolve('space A');
    expect(await second).toEqual({ stale: false, ok: true, value: 'space B' });
    expect(await first).toEqual({ stale: true });
  });

  it('after cancel (the screen unmounted) neither a result nor an error is applied', async () => {
    const requests = new LatestRequest();
    const ok = deferred<string>();
    const failing = deferred<string>();
    const a = requests.run(ok.load);
    requests.cancel();
    ok.resolve('late');
    expect(await a).toEqual({ stale: true });
    const b = requests.run(failing.load);
    requests.cancel();
    failing.reject(new Error('aborted'));
    expect(await b).toEqual({ stale: true });
    // It stays usable: a screen mounted again loads as usual.
    expect(await requests.run(async () => 'again')).toEqual({ stale: false, ok: true, value: 'again' });
  });
});
