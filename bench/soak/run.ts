/**
 * `npm run bench:soak -- [--spaces 1000] [--rate 1] [--minutes 10] [--sample 30] [--max-length 200] [--typing cursor|random]`
 * N spaces × 2 partners (real y-websocket protocol clients, this process) make one keystroke
 * per client every 1/rate s in their space's plan for the given minutes against the Hearth
 * bench server (own process, board rules on). `--typing cursor` (default) types as a person
 * does, at a cursor, with backspaces; `--typing random` puts every character at a random place
 * (the worst case for a CRDT's memory: no two keystrokes merge). Once the notes hold
 * `max-length` characters they are trimmed in the same update, so the documents keep their size
 * and memory growth is not mistaken for content (`--max-length 0`: they grow). Every `sample` seconds it prints the server's
 * RSS, heap (after a forced GC), connections and loaded documents; at the end it compares the
 * updates typed with those the server stored (`hearth_collab_updates_total`) and acknowledged,
 * and counts errors (socket errors, unexpected closes, diverged spaces, refusals).
 */
import '../lib/loadGeneratorHeap';
import { parseArgs } from 'node:util';
import { sentAt } from '../sync/loadClient';
import { rssMiB } from '../sync/processStats';
import { requireFileDescriptors, sleep, startHearth, waitUntil } from '../lib/hearthProcess';
import { createObserver, openSpaces } from '../lib/spaces';

const { values } = parseArgs({
  options: {
    spaces: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '1' },
    minutes: { type: 'string', default: '10' },
    sample: { type: 'string', default: '30' },
    /** Notes longer than this lose a character with each one typed (0: they grow without limit). */
    'max-length': { type: 'string', default: '200' },
    typing: { type: 'string', default: 'cursor' },
    /** Seconds to keep reading the server's memory after everyone left (every 15 s). */
    rest: { type: 'string', default: '60' },
  },
});
if (values.typing !== 'cursor' && values.typing !== 'random') throw new Error('--typing is cursor or random');
const AT_CURSOR = values.typing === 'cursor';
const SPACES = Number(values.spaces);
const RATE = Number(values.rate);
const MAX_LENGTH = Number(values['max-length']) || Infinity;
const DURATION_MS = Number(values.minutes) * 60_000;
const SAMPLE_MS = Number(values.sample) * 1000;
requireFileDescriptors(SPACES * 2);

const server = await startHearth();
const observer = createObserver();
const clients = await openSpaces(server, SPACES, observer);
await sleep(2000);
const storedBefore = await server.metric('hearth_collab_updates_total');
const refusedBefore = await server.metric('hearth_collab_refused_updates_total');
const unchangedBefore = await server.metric('hearth_collab_unchanged_updates_total');

async function sample(): Promise<void> {
  // Propagation is not measured here; keep the load generator's own memory flat.
  sentAt.clear();
  const mem = await server.memory();
  const elapsedMs = performance.now() - started;
  const [connections = 0, docs = 0, stored = 0] = await Promise.all(
    ['hearth_collab_connections', 'hearth_collab_loaded_documents', 'hearth_collab_updates_total'].map((m) => server.metric(m)),
  );
  const mib = (b: number) => (b / 1024 / 1024).toFixed(1);
  process.stdout.write(
    `t=${(elapsedMs / 1000).toFixed(0).padStart(4)} s  rss ${mib(mem.rss)} MiB  heap ${mib(mem.heapUsed)} MiB ` +
      `(of ${mib(mem.heapTotal)})  external ${mib(mem.external)} MiB  ` +
      `database rss ${server.pids[1] ? rssMiB(server.pids[1]).toFixed(1) : 'n/a'} MiB  connections ${connections}  ` +
      `loaded docs ${docs}  stored ${stored - storedBefore}  typed ${typed}  errors ${observer.errorCount}\n`,
  );
}

let typed = 0;
const started = performance.now();
const next = clients.map(() => started + Math.random() * (1000 / RATE));
let nextSample = started;
let sampling: Promise<void> = Promise.resolve();
while (performance.now() - started < DURATION_MS) {
  const now = performance.now();
  for (let i = 0; i < clients.length; i++) {
    if (next[i]! <= now) {
      if (AT_CURSOR ? clients[i]!.typeAtCursor(MAX_LENGTH) : clients[i]!.type(MAX_LENGTH)) typed++;
      next[i]! += 1000 / RATE;
    }
  }
  if (now >= nextSample) {
    nextSample += SAMPLE_MS;
    sampling = sampling.then(sample);
  }
  await sleep(5);
}
await sampling;
if (!(await waitUntil(() => clients.every((c) => c.pendingAcks === 0), 60_000))) observer.error('updates never acknowledged');
await sleep(1000);
await sample();
const stored = (await server.metric('hearth_collab_updates_total')) - storedBefore;
// Both partners deleting the same characters at once (the trim at max-length, a backspace) makes
// updates that change nothing on arrival: accepted, nothing to store. Every keystroke is one or the other.
const unchanged = (await server.metric('hearth_collab_unchanged_updates_total')) - unchangedBefore;
const refused = (await server.metric('hearth_collab_refused_updates_total')) - refusedBefore;
if (refused > 0) observer.error(`${refused} updates refused`);
let diverged = 0;
for (let i = 0; i < clients.length; i += 2) if (clients[i]!.boardText() !== clients[i + 1]!.boardText()) diverged++;
if (diverged > 0) observer.error(`${diverged} spaces diverged`);
const unacked = clients.reduce((n, c) => n + c.pendingAcks, 0);
const achieved = typed / (DURATION_MS / 1000);
// On a busy machine the generator itself falls behind: then the run did not test the rate asked for.
if (achieved < 0.95 * clients.length * RATE)
  observer.error(`load generator reached ${achieved.toFixed(0)} of ${clients.length * RATE} updates/s`);
process.stdout.write(
  `\n${clients.length} clients, ${(DURATION_MS / 60_000).toFixed(1)} min: typed ${typed} (${achieved.toFixed(0)}/s), stored ${stored} ` +
    `+ ${unchanged} that changed nothing (${stored + unchanged === typed ? 'every update' : `${typed - stored - unchanged} missing`}), ` +
    `unacknowledged ${unacked}, acks ${observer.acks.length}\n` +
    `errors ${observer.errorCount}${observer.errors.length ? ` (${observer.errors.join('; ')})` : ''}\n`,
);
// Everyone leaves: memory held by the documents themselves (their Yjs history grows with every
// edit) is given back once they unload; what stays would be a leak.
for (const c of clients) c.close();
const left = performance.now();
for (let i = 0; i < 120 && (await server.metric('hearth_collab_loaded_documents')) > 0; i++) await sleep(500);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const after = await server.memory();
process.stdout.write(
  `after everyone left: ${await server.metric('hearth_collab_loaded_documents')} loaded documents after ` +
    `${((performance.now() - left) / 1000).toFixed(1)} s; heap ${mib(after.heapUsed)} (of ${mib(after.heapTotal)}), ` +
    `rss ${mib(after.rss)}\n`,
);
// What an idle server gives back over the next minute (V8 shrinks its heap when allocation stops).
while (performance.now() - left < Number(values.rest) * 1000) {
  await sleep(15_000);
  const m = await server.memory();
  process.stdout.write(
    `  ${((performance.now() - left) / 1000).toFixed(0)} s after: heap ${mib(m.heapUsed)} (of ${mib(m.heapTotal)}), external ${mib(m.external)}, rss ${mib(m.rss)}\n`,
  );
}
await server.stop();
process.exit(observer.errorCount > 0 || stored + unchanged !== typed ? 1 : 0);
