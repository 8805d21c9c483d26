import * as Y from 'yjs';
import { BoardDataError, ITEMS_KEY, VISIBILITIES, boardDocName, parseItemMap, type BoardItem } from '@hearth/shared/board';
import type { UpdateContext } from '../hooks';
import { carryOverLater } from './carryOver';
import { pairCopy, partnerAdditions, type PartnerAdditions } from './movePairing';
import { stableJson } from './refused';
import type { RuleActor } from './ruleContext';

/** How long a removed item can still be paired with its copy in another visibility level. */
const MOVE_WINDOW_MS = 60_000;
/** Transaction origin of the server putting back the original of a move whose copy was refused. */
const RESTORE_ORIGIN = 'move-restore';

interface Removal {
  item: BoardItem;
  at: number;
  /** The document it was removed from, who removed it, and the item exactly as it was. */
  docName: string;
  removedBy: string;
  exact: string;
  /** The creator's own removal: the item as a Y type, to put back if its copy is refused. */
  original: Y.Map<unknown> | null;
}

/** How the item checks of one update recognise a copy of an item that is, or just was, elsewhere. */
export interface Provenance {
  /** Who created the item this one copies (from another board of the space), or null. */
  movedFrom(item: BoardItem): string | null;
  /** Whether this is the item the actor removed from this document in the last minute, exactly as it was. */
  restored(item: BoardItem): boolean;
  /** The update passed and removes `removed`: remember them, and let the partner's additions follow moved items. */
  accepted(removed: BoardItem[]): void;
  /** The update was refused: a move whose copy is refused must not lose the item. */
  refused(): void;
}

/**
 * Moves between visibility levels, as the server sees them: a copy written into one board
 * document and a delete from another, on two sockets, in either order. Removals of the last
 * minute are kept per space and item, so a copy that arrives after its original is gone still
 * pairs with it.
 */
export class MoveTracker {
  private readonly removals = new Map<string, Removal>();
  /** Copies refused while their original was still in place, per space and item: when. */
  private readonly refusedCopies = new Map<string, number>();

  forUpdate(ctx: UpdateContext, actor: RuleActor): Provenance {
    const { removals, refusedCopies } = this;
    const spaceId = ctx.parsed.spaceId;
    // The partner's comments and acknowledgements a copy in this update lacks, written once it is applied.
    const carries = new Map<string, PartnerAdditions>();
    // Copies of the actor's own items that did not pair with their original.
    const unpaired = new Set<string>();

    /** The actor's board documents of the space other than `docName`. */
    const otherBoardNames = (docName: string): string[] =>
      VISIBILITIES.map((visibility) => boardDocName(spaceId, visibility, actor.userId)).filter((name) => name !== docName);
    /** The same item in the actor's other board documents of the space that are in memory. */
    const otherBoards = (itemId: string): Array<[Y.Doc, Y.Map<unknown>]> => {
      const found: Array<[Y.Doc, Y.Map<unknown>]> = [];
      for (const name of otherBoardNames(ctx.docName)) {
        const doc = ctx.loadedDoc(name);
        const map = doc?.getMap(ITEMS_KEY).get(itemId);
        if (doc && map instanceof Y.Map) found.push([doc, map]);
      }
      return found;
    };
    const recent = (itemId: string): Removal | undefined => {
      const removal = removals.get(`${spaceId}:${itemId}`);
      return removal && Date.now() - removal.at <= MOVE_WINDOW_MS ? removal : undefined;
    };

    return {
      /** A copy that lacks the partner's newest comment or acknowledgement still pairs; those follow it. */
      movedFrom(item) {
        const originals = otherBoards(item.id).map(([, map]) => parseOrNull(item.id, map));
        const removal = recent(item.id);
        if (removal) originals.push(removal.item);
        for (const original of originals) {
          const paired = original && pairCopy(original, item, actor);
          if (!paired) continue;
          if (paired.additions) carries.set(item.id, paired.additions);
          return original.createdBy;
        }
        if (item.createdBy === actor.userId && originals.some((o) => o?.createdBy === actor.userId)) unpaired.add(item.id);
        return null;
      },

      /**
       * Undo of a delete: the person who deleted an item puts it back where it was, unchanged,
       * within the minute. Deleting was theirs to do; the copy holds nothing it did not hold.
       */
      restored(item) {
        const removal = recent(item.id);
        return (
          removal !== undefined &&
          removal.docName === ctx.docName &&
          removal.removedBy === actor.userId &&
          removal.exact === stableJson(item)
        );
      },

      accepted(removed) {
        const doc = ctx.loadedDoc(ctx.docName);
        if (doc) for (const [itemId, additions] of carries) carryOverLater(doc, itemId, additions);
        // The delete half of a move whose copy went ahead: what the partner added to the
        // original since the copy was taken follows it to the copy.
        for (const item of removed) {
          if (item.createdBy !== actor.userId) continue;
          for (const [target, map] of otherBoards(item.id)) {
            const copy = parseOrNull(item.id, map);
            const additions = copy && partnerAdditions(item, copy, actor.userId);
            if (additions && pairCopy(item, copy, actor)?.additions) carryOverLater(target, item.id, additions);
          }
        }
        const now = Date.now();
        for (const [key, removal] of removals) if (now - removal.at > MOVE_WINDOW_MS) removals.delete(key);
        for (const [key, at] of refusedCopies) if (now - at > MOVE_WINDOW_MS) refusedCopies.delete(key);
        const items = doc?.getMap(ITEMS_KEY);
        for (const item of removed) {
          const key = `${spaceId}:${item.id}`;
          // Still before the delete is applied: the live map is whole.
          const map = item.createdBy === actor.userId ? items?.get(item.id) : undefined;
          const original = map instanceof Y.Map ? map.clone() : null;
          if (original && refusedCopies.delete(key)) {
            // The delete half of a move whose copy was refused: the item goes back where it was.
            restoreLater(ctx, ctx.docName, item.id, original, otherBoardNames);
            continue;
          }
          removals.set(key, { item, at: now, docName: ctx.docName, removedBy: actor.userId, exact: stableJson(item), original });
        }
      },

      refused() {
        for (const itemId of unpaired) {
          const key = `${spaceId}:${itemId}`;
          const removal = recent(itemId);
          if (removal?.original && removal.removedBy === actor.userId) {
            // The copy of a move whose delete went first: the item goes back where it was.
            removals.delete(key);
            restoreLater(ctx, removal.docName, itemId, removal.original, otherBoardNames);
          } else {
            refusedCopies.set(key, Date.now());
          }
        }
      },
    };
  }
}

/**
 * Puts a moved item back into the board it was deleted from, once the current update is done,
 * unless it is there or in another of the mover's boards by then (a resend applied in part
 * may have let the copy through after all).
 */
function restoreLater(
  ctx: UpdateContext,
  docName: string,
  itemId: string,
  original: Y.Map<unknown>,
  otherBoardNames: (docName: string) => string[],
): void {
  queueMicrotask(() => {
    const doc = ctx.loadedDoc(docName);
    if (!doc || doc.isDestroyed || doc.getMap(ITEMS_KEY).has(itemId)) return;
    if (otherBoardNames(docName).some((name) => ctx.loadedDoc(name)?.getMap(ITEMS_KEY).has(itemId))) return;
    doc.transact(() => doc.getMap(ITEMS_KEY).set(itemId, original), RESTORE_ORIGIN);
  });
}

export function parseOrNull(itemId: string, map: Y.Map<unknown>): BoardItem | null {
  try {
    return parseItemMap(itemId, map);
  } catch (err) {
    if (err instanceof BoardDataError) return null;
    throw err;
  }
}
