/**
 * `node --expose-gc --import tsx bench/soak/historyGrowth.ts [edits]`
 * How much a Yjs document's memory grows per edit when its text keeps the same length (one
 * character deleted and one typed at random places per edit, as `bench:soak` does): the part
 * of the soak's heap growth that is the documents' own history, not a leak.
 */
import * as Y from 'yjs';

const EDITS = Number(process.argv[2] ?? 60_000);
const DOCS = 100;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const docs = Array.from({ length: DOCS }, () => new Y.Doc());
for (const doc of docs) doc.getText('t').insert(0, 'x'.repeat(200));
gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < EDITS; i++) {
  const doc = docs[i % DOCS]!;
  const text = doc.getText('t');
  doc.transact(() => {
    text.delete(Math.floor(Math.random() * text.length), 1);
    text.insert(Math.floor(Math.random() * (text.length + 1)), 'x');
  });
}
gc();
const after = process.memoryUsage().heapUsed;
const structs = docs.reduce((n, d) => n + [...d.store.clients.values()].reduce((m, s) => m + s.length, 0), 0);
process.stdout.write(
  `${EDITS} edits over ${DOCS} documents of 200 characters: heap +${((after - before) / 1024 / 1024).toFixed(1)} MiB, ` +
    `${((after - before) / EDITS).toFixed(0)} bytes per edit, ${structs} structs in the documents' stores\n`,
);
