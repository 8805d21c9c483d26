import * as Y from 'yjs';
import type { UpdateVerdict } from '../hooks';

/** A clock past anything a document holds: a state vector entry that excludes a client's structs. */
const BEYOND = 2 ** 40;
/** More authors than this in one resend is not a crash recovery; it is refused whole. */
export const MAX_RESEND_PARTS = 16;

/** One part of a resend: the structs of one Yjs client (`client`), or its deletions (null). */
export interface ResendPart {
  client: number | null;
  update: Uint8Array;
}

/**
 * A sync step 2 (a client's resend on reconnect) split into one update per Yjs client that has
 * structs the document lacks, plus one holding the update's deletions. Each part is a valid
 * update on its own; together they are the whole.
 */
export function splitResend(update: Uint8Array, known: Map<number, number>): ResendPart[] {
  const { structs, ds } = Y.decodeUpdate(update);
  const everyone = new Set<number>(structs.map((s) => s.id.client));
  const fresh = new Set<number>();
  for (const s of structs) {
    if (!(s instanceof Y.Skip) && s.id.clock + s.length > (known.get(s.id.client) ?? 0)) fresh.add(s.id.client);
  }
  const without = (keep: number | null) =>
    Y.encodeStateVector(new Map([...everyone].filter((c) => c !== keep).map((c): [number, number] => [c, BEYOND])));
  // No structs: the varuint 0 for "no clients", then the delete set as the update wrote it.
  const deletions = Y.diffUpdate(update, without(null));
  const deleteSetBytes = deletions.length - 1;
  const parts: ResendPart[] = [];
  for (const client of fresh) {
    const withDeletes = Y.diffUpdate(update, without(client));
    const part = new Uint8Array(withDeletes.length - deleteSetBytes + 1);
    part.set(withDeletes.subarray(0, withDeletes.length - deleteSetBytes));
    // The last byte stays 0: an empty delete set.
    parts.push({ client, update: part });
  }
  if (ds.clients.size > 0) parts.push({ client: null, update: deletions });
  return parts;
}

/**
 * Applies what a refused resend holds that the sender may write, part by part (each checked
 * as the sender, exactly as if sent alone), retrying parts that build on others until no
 * more go through. Parts of other Yjs clients that are still refused are dropped without a
 * refusal: they are the partner's own edits relayed by the sender, which the partner resends
 * itself (docs/realtime.md). A refused part of the sender's own client (`own`, from its
 * awareness) refuses the resend, as does nothing applied when the sender's client is unknown.
 */
export function applyResendInParts(
  parts: ResendPart[],
  refusal: UpdateVerdict,
  own: number | null,
  apply: (part: Uint8Array) => UpdateVerdict,
): { verdict: UpdateVerdict; dropped: number } {
  if (parts.length > MAX_RESEND_PARTS) return { verdict: refusal, dropped: parts.length };
  let remaining = parts.map((part) => ({ part, verdict: refusal }));
  let accepted = 0;
  for (let progress = true; progress && remaining.length > 0;) {
    progress = false;
    const next: typeof remaining = [];
    for (const entry of remaining) {
      entry.verdict = apply(entry.part.update);
      if (entry.verdict.ok) {
        accepted++;
        progress = true;
      } else {
        next.push(entry);
      }
    }
    remaining = next;
  }
  const mine = remaining.find((entry) => own !== null && entry.part.client === own);
  if (mine) return { verdict: mine.verdict, dropped: remaining.length };
  // Without an awareness client id nothing tells the sender's structs apart: something must go through.
  return { verdict: own !== null || accepted > 0 ? { ok: true } : refusal, dropped: remaining.length };
}
