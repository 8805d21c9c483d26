/**
 * `npm run bench:idle -- [--spaces 1000]`
 * Memory per idle connection: the Hearth bench server (own process, `--expose-gc`) is read
 * after a forced GC, then N spaces × 2 partners connect as real y-websocket protocol clients
 * (this process), sync, the first partner of each space writes one plan, and everyone stays
 * idle; the server is read again (forced GC), and (after − before) / connections is reported
 * for heap and RSS. Then everyone leaves and the run waits for the loaded documents
 * (`hearth_collab_loaded_documents`) to return to 0.
 */
import { parseArgs } from 'node:util';
import { requireFileDescriptors, sleep, startHearth } from '../lib/hearthProcess';
import { createObserver, openSpaces } from '../lib/spaces';

const { values } = parseArgs({
  options: {
    spaces: { type: 'string', default: '1000' },
    /** Idle time before the second reading (s): compaction and unload timers run meanwhile. */
    settle: { type: 'string', default: '15' },
  },
});
const SPACES = Number(values.spaces);
const CONNECTIONS = SPACES * 2;
requireFileDescriptors(CONNECTIONS);

const server = await startHearth();
const observer = createObserver();
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

// Warm-up: a few spaces open and leave, so code paths and driver pools exist before "before".
const warm = await openSpaces(server, 10, observer);
for (const c of warm) c.close();
await sleep(4000);
const before = await server.memory();
if (!before.gc) throw new Error('the server was not started with --expose-gc');

const opened = performance.now();
const clients = await openSpaces(server, SPACES, observer);
const openSeconds = (performance.now() - opened) / 1000;
await sleep(Number(values.settle) * 1000);
const connections = await server.metric('hearth_collab_connections');
const loadedDocs = await server.metric('hearth_collab_loaded_documents');
const after = await server.memory();

const per = (key: 'heapUsed' | 'rss' | 'external' | 'arrayBuffers') => (after[key] - before[key]) / CONNECTIONS;
process.stdout.write(
  `${CONNECTIONS} idle connections (${SPACES} spaces, one plan each) opened in ${openSeconds.toFixed(1)} s; ` +
    `server reports ${connections} connections, ${loadedDocs} loaded documents\n` +
    `  heapUsed ${mib(before.heapUsed)} → ${mib(after.heapUsed)}: ${kib(per('heapUsed'))} per connection\n` +
    `  external ${mib(before.external)} → ${mib(after.external)}: ${kib(per('external'))} per connection\n` +
    `  rss      ${mib(before.rss)} → ${mib(after.rss)}: ${kib(per('rss'))} per connection\n`,
);

for (const c of clients) c.close();
const left = performance.now();
let docsLeft = loadedDocs;
while (performance.now() - left < 120_000) {
  docsLeft = await server.metric('hearth_collab_loaded_documents');
  if (docsLeft === 0) break;
  await sleep(500);
}
const empty = await server.memory();
process.stdout.write(
  `after everyone left: ${docsLeft} loaded documents after ${((performance.now() - left) / 1000).toFixed(1)} s; ` +
    `heapUsed ${mib(empty.heapUsed)}, rss ${mib(empty.rss)}\n` +
    `errors ${observer.errorCount}${observer.errors.length ? ` (${observer.errors.join('; ')})` : ''}\n`,
);
await server.stop();
process.exit(observer.errorCount > 0 || docsLeft !== 0 ? 1 : 0);
