/**
 * `node --expose-gc --import tsx bench/soak/historyGrowth.ts [edits] [random|cursor]`
 * How much a Yjs document's memory grows per edit when its text keeps about the same length:
 * `random` deletes one character and types one at random places per edit (`bench:soak --typing
 * random`); `cursor` types at a cursor with a backspace in ten keystrokes and trims the first 40
 * characters at 200 (`bench:soak --typing cursor`, the default). The part of the soak's heap
 * growth that is the documents' own history, not a leak.
 */
import * as Y from 'yjs';

const EDITS = Number(process.argv[2] ?? 60_000);
const DOCS = 100;
const MODE = process.argv[3] ?? 'random';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const docs = Array.from({ length: DOCS }, () => new Y.Doc());
for (const doc of docs) doc.getText('t').insert(0, 'x'.repeat(200));
const cursors = docs.map(() => 0);
gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < EDITS; i++) {
  const doc = docs[i % DOCS]!;
  const text = doc.getText('t');
  doc.transact(() => {
    if (MODE === 'random') {
      text.delete(Math.floor(Math.random() * text.length), 1);
      text.insert(Math.floor(Math.random() * (text.length + 1)), 'x');
      return;
    }
    const n = Math.floor(i / DOCS);
    if (text.length >= 200) text.delete(0, 40);
    let pos = n % 60 === 0 ? Math.floor(Math.random() * (text.length + 1)) : Math.min(cursors[i % DOCS]!, text.length);
    if (n % 10 === 9 && pos > 0) text.delete(--pos, 1);
    else text.insert(pos++, 'x');
    cursors[i % DOCS] = pos;
  });
}
gc();
const after = process.memoryUsage().heapUsed;
const structs = docs.reduce((n, d) => n + [...d.store.clients.values()].reduce((m, s) => m + s.length, 0), 0);
process.stdout.write(
  `${EDITS} ${MODE} edits over ${DOCS} documents of 200 characters: heap +${((after - before) / 1024 / 1024).toFixed(1)} MiB, ` +
    `${((after - before) / EDITS).toFixed(0)} bytes per edit, ${structs} structs in the documents' stores\n`,
);
