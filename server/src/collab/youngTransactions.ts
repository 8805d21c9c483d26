import type * as Y from 'yjs';
import { collabTuning } from './tuning';

/**
 * Yjs collects a document's running transactions in `doc._transactionCleanups`, an array it
 * replaces with a new empty one after every outermost transaction. On a document edited a few
 * times a second that empty array lives from one edit to the next — longer than V8's
 * young-generation collections are apart — and is promoted to the old generation. The next
 * transaction is pushed into it, so after the edit a dead old array still points at it, and the
 * scavenger, which takes every old-to-young pointer as a root, keeps the transaction (its maps
 * and sets, its delete set, the state vectors) and promotes it too, until the next full
 * collection finds both dead. At 2,000 edits a second that was ~4 MB/s promoted for nothing,
 * and longer scavenges (docs/performance.md, "Objects kept alive by a dead list").
 *
 * Called right before the server applies an update: with no transaction running or waiting
 * for its clean-up, Yjs gets a fresh (young) list, which dies with the transaction.
 */
export function keepTransactionsYoung(doc: Y.Doc): void {
  if (collabTuning.youngTransactions) freshTransactionList(doc);
}

/** The same without the server's A/B switch (the benchmarks' load generator has its own). */
export function freshTransactionList(doc: Y.Doc): void {
  if (doc._transaction === null && doc._transactionCleanups.length === 0) doc._transactionCleanups = [];
}
