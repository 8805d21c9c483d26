import { LoadClient, type LoadObserver } from '../sync/loadClient';
import type { HearthProcess } from './hearthProcess';
import { waitUntil } from './hearthProcess';

/**
 * N spaces × 2 partners of real y-websocket protocol clients, opened 50 spaces at a time;
 * resolves once every client has synced and the first partner of each space has written one
 * board plan that both partners hold.
 */
export async function openSpaces(target: HearthProcess, spaces: number, observer: LoadObserver): Promise<LoadClient[]> {
  const clients: LoadClient[] = [];
  const runId = Date.now().toString(16).padStart(12, '0').slice(-12);
  for (let s = 0; s < spaces; s++) {
    const doc = `space:${runId}${s.toString(16).padStart(12, '0')}`;
    for (const who of ['a', 'b']) {
      clients.push(new LoadClient(target.urlFor(doc), { 'x-bench-user': `${who}${s}`, origin: 'http://bench.test' }, observer));
    }
    if (s % 50 === 49) await waitUntil(() => clients.every((c) => c.synced || c.closedUnexpectedly), 60_000);
  }
  if (!(await waitUntil(() => clients.every((c) => c.synced), 120_000))) observer.error('not every client synced');
  for (let s = 0; s < spaces; s++) clients[2 * s]!.createPlan({ userId: `a${s}`, partnerIds: [`a${s}`, `b${s}`] });
  if (!(await waitUntil(() => clients.every((c) => c.hasPlan()), 120_000))) observer.error('not every client got its plan');
  return clients;
}

/** Collects what the clients report; errors are counted and the first few kept. */
export function createObserver(): LoadObserver & { errors: string[]; errorCount: number; acks: number[] } {
  const o = {
    errors: [] as string[],
    errorCount: 0,
    acks: [] as number[],
    propagation: () => undefined,
    ack: (ms: number) => void o.acks.push(ms),
    error: (what: string) => {
      o.errorCount++;
      if (o.errors.length < 10 && !o.errors.includes(what)) o.errors.push(what);
    },
  };
  return o;
}
