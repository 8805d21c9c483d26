import type { BoardItem } from '@hearth/shared/board';
import { BoardRefusal } from '@hearth/shared/realtime';
import { Refused, stableJson } from './refused';

/** Who is writing, and the space's partners (null when the server could not tell). */
export interface RuleActor {
  userId: string;
  partnerIds: readonly string[] | null;
}

export function isPartner(actor: RuleActor, userId: string | null | undefined): boolean {
  return typeof userId === 'string' && (actor.partnerIds === null || actor.partnerIds.includes(userId));
}

/** Fields whose value differs between the two versions of an item (stable JSON). */
export function changedFields(before: BoardItem, after: BoardItem): string[] {
  const b: Record<string, unknown> = before;
  const a: Record<string, unknown> = after;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => !sameValue(b[k], a[k]));
}

export function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  return stableJson(x) === stableJson(y);
}

/**
 * An append-only list: every earlier entry still there, each new one written by the actor.
 * Compared as multisets, since two partners' concurrent appends interleave.
 */
export function checkAppendOnly(before: readonly unknown[], after: readonly { by: string }[], actor: RuleActor, itemId: string): void {
  const remaining = new Map<string, number>();
  for (const entry of after) remaining.set(stableJson(entry), (remaining.get(stableJson(entry)) ?? 0) + 1);
  for (const entry of before) {
    const key = stableJson(entry);
    const n = remaining.get(key) ?? 0;
    if (n === 0) throw new Refused(BoardRefusal.appendOnly, itemId);
    remaining.set(key, n - 1);
  }
  for (const entry of after) {
    const key = stableJson(entry);
    const n = remaining.get(key) ?? 0;
    if (n === 0) continue;
    remaining.set(key, n - 1);
    if (entry.by !== actor.userId) throw new Refused(BoardRefusal.forgedAuthor, itemId);
  }
}

/** Entries of two id-keyed lists: added, removed and changed ones. */
export function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Map(after.map((e) => [e.id, e]));
  return {
    added: after.filter((e) => !old.has(e.id)),
    removed: before.filter((e) => !now.has(e.id)),
    changed: after.flatMap((e) => {
      const prev = old.get(e.id);
      return prev && !sameValue(prev, e) ? [{ before: prev, after: e }] : [];
    }),
  };
}
