import * as Y from 'yjs';
import { keepTransactionsYoung } from '../youngTransactions';

/** What one update did to a document: the structs it integrated and the items it deleted. */
export interface UpdateChanges {
  inserted: Y.Item[];
  deleted: Y.Item[];
  /** The update refers to structs or deletions the document does not have yet. */
  missingDependencies: boolean;
}

/**
 * A second copy of a live document where an incoming update is tried first, so a validator
 * sees the state after it (and exactly what it touched) before the live document, the
 * database or anyone else does. Created on first use; discarded after a refusal, since Yjs
 * cannot take an applied update back.
 */
export class ScratchCopy {
  private doc: Y.Doc | null = null;

  constructor(private readonly live: Y.Doc) {}

  /** Whether the copy exists (and so must follow every change of the live document). */
  get active(): boolean {
    return this.doc !== null;
  }

  /** Updates the live document took that the copy has not applied yet (typing, mostly). */
  private backlog: Uint8Array[] = [];

  /** Takes note of an update the live document took without trying it here; applied when next needed. */
  follow(update: Uint8Array): void {
    if (!this.doc) return;
    this.backlog.push(update);
    // A long run of typing: rebuilding from the live document is cheaper than replaying it.
    if (this.backlog.length > 2000) this.reset();
  }

  /** Tries `update` on the copy; throws if it is not a valid Yjs update. */
  apply(update: Uint8Array): { after: Y.Doc; changes: UpdateChanges } {
    const doc = (this.doc ??= this.fromLive());
    if (this.backlog.length > 0) {
      Y.applyUpdate(doc, Y.mergeUpdates(this.backlog));
      this.backlog = [];
    }
    const changes: UpdateChanges = { inserted: [], deleted: [], missingDependencies: false };
    const hadPending = hasPending(doc);
    keepTransactionsYoung(doc);
    try {
      doc.transact((tr) => {
        Y.applyUpdate(doc, update);
        // tr.afterState is only filled when the transaction ends; read the store instead.
        for (const [client, structs] of doc.store.clients) {
          const from = tr.beforeState.get(client) ?? 0;
          const last = structs[structs.length - 1];
          const clock = last ? last.id.clock + last.length : 0;
          if (clock <= from) continue;
          for (let i = Y.findIndexSS(structs, from); i < structs.length && structs[i]!.id.clock < clock; i++) {
            const struct = structs[i]!;
            if (struct instanceof Y.Item) changes.inserted.push(struct);
          }
        }
        Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
          if (struct instanceof Y.Item) changes.deleted.push(struct);
        });
      });
    } catch (err) {
      this.reset();
      throw err;
    }
    changes.missingDependencies = !hadPending && hasPending(doc);
    return { after: doc, changes };
  }

  /** Forgets the copy (after a refusal); the next validation rebuilds it from the live document. */
  reset(): void {
    this.doc?.destroy();
    this.doc = null;
    this.backlog = [];
  }

  private fromLive(): Y.Doc {
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.live));
    return doc;
  }
}

function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}
