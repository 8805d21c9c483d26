import { isRecord } from '@hearth/shared/guards';
import type { BoardRefusal } from '@hearth/shared/realtime';

/** Thrown by a board check: the whole update is refused with this code. */
export class Refused extends Error {
  constructor(
    readonly code: BoardRefusal,
    readonly itemId: string | null = null,
  ) {
    super(code);
  }
}

export function refuseUnless(condition: boolean, code: BoardRefusal, itemId: string | null = null): asserts condition {
  if (!condition) throw new Refused(code, itemId);
}

/** JSON with sorted keys, so two copies of one value compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
