/**
 * `node --trace-gc-nvp --import tsx bench/sync/transactionPromotion.ts [--fresh]`: Yjs alone,
 * without the server: 500 pairs of documents holding one board plan, 2,000 keystrokes a second
 * into the plans' notes for 15 s, each relayed to the partner's document. `--fresh` hands Yjs a
 * fresh transaction list before every edit (the server's `keepTransactionsYoung`). Compare
 * the `promoted=` bytes of the scavenges in the two runs (docs/performance.md, "Objects kept
 * alive by a dead list").
 */
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { createExperience, getItemText, itemsOf } from '@hearth/shared/board';

const { values } = parseArgs({ options: { fresh: { type: 'boolean', default: false } } });
// The server's own function, switched by its A/B variable (read once when the module loads).
process.env.HEARTH_YOUNG_TRANSACTIONS = values.fresh ? '1' : '0';
const { keepTransactionsYoung } = await import('../../server/src/collab/youngTransactions');
const PAIRS = 500;
const PER_TICK = 10; // every 5 ms: 2,000 a second
const SECONDS = 15;

function relay(from: Y.Doc, to: Y.Doc): void {
  from.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'relay') return;
    setImmediate(() => {
      keepTransactionsYoung(to);
      Y.applyUpdate(to, update, 'relay');
    });
  });
}

const pairs: [Y.Doc, Y.Doc][] = [];
for (let i = 0; i < PAIRS; i++) {
  const a = new Y.Doc();
  const b = new Y.Doc();
  relay(a, b);
  relay(b, a);
  createExperience(a, { userId: 'a', partnerIds: ['a', 'b'] }, { title: 'Weekend away' });
  pairs.push([a, b]);
}
await new Promise((r) => setTimeout(r, 100));

function keystroke(doc: Y.Doc): void {
  const notes = getItemText(doc, [...itemsOf(doc).keys()][0]!, 'notes')!;
  keepTransactionsYoung(doc);
  doc.transact(() => notes.insert(Math.floor(Math.random() * (notes.length + 1)), 'x'));
}

const started = Date.now();
const tick = setInterval(() => {
  for (let k = 0; k < PER_TICK; k++) {
    const [a, b] = pairs[Math.floor(Math.random() * PAIRS)]!;
    keystroke(Math.random() < 0.5 ? a : b);
  }
  if (Date.now() - started > SECONDS * 1000) clearInterval(tick);
}, 5);
