import { BoardRefusal, type BoardRefusal as BoardRefusalCode } from '@hearth/shared/realtime';
import type { BoardItem } from '@hearth/shared/board';

/** An edit the server refused; the document was rolled back to the server's state. */
export interface RefusalNotice {
  code: BoardRefusalCode;
  itemId: string | null;
  docName: string;
}

const KIND_LABEL: Record<BoardItem['kind'], string> = {
  experience: 'plan',
  promise: 'promise',
  card: 'card',
  checkin: 'check-in',
  appreciation: 'appreciation',
};

/**
 * "That change wasn't allowed: only Sam can mark this promise." The item (as the server has it,
 * after the rollback) lets the sentence name who may do it; `nameOf` turns ids into names.
 */
export function refusalMessage(code: BoardRefusalCode, item: BoardItem | null, nameOf: (userId: string) => string): string {
  const kind = item ? KIND_LABEL[item.kind] : 'item';
  const author =
    item?.kind === 'card' ? item.authorId : item?.kind === 'checkin' ? item.userId : item?.kind === 'appreciation' ? item.fromId : null;
  let reason: string;
  switch (code) {
    case BoardRefusal.notPromiser:
      reason =
        item?.kind === 'promise'
          ? `only ${nameOf(item.promiserId)} can mark or edit this promise`
          : 'only the person who made this promise can mark or edit it';
      break;
    case BoardRefusal.notPromisee:
      reason =
        item?.kind === 'promise'
          ? `only ${nameOf(item.promiseeId)} can accept or confirm this promise`
          : 'only the person it was promised to can accept or confirm it';
      break;
    case BoardRefusal.notAuthor:
      reason = author ? `only ${nameOf(author)} can edit this ${kind}` : `only its author can edit this ${kind}`;
      break;
    case BoardRefusal.notPartner:
      reason =
        item?.kind === 'appreciation'
          ? `only ${nameOf(item.toId)} can answer this appreciation`
          : 'only your partner can acknowledge your card';
      break;
    case BoardRefusal.notReflectionOwner:
      reason = 'each of you writes only your own reflection';
      break;
    case BoardRefusal.notCommentWriter:
      reason = 'a comment can only be removed by whoever wrote it';
      break;
    case BoardRefusal.notManager:
      reason = author ? `only ${nameOf(author)} can archive or delete this ${kind}` : `you can't archive or delete this ${kind}`;
      break;
    case BoardRefusal.notCreator:
      reason = item ? `only ${nameOf(item.createdBy)} can change who sees this ${kind}` : 'only its creator can change who sees this item';
      break;
    case BoardRefusal.illegalTransition:
      reason = `this ${kind} changed before your edit arrived, so that step is no longer possible`;
      break;
    case BoardRefusal.appendOnly:
      reason = 'history and confirmed results can’t be rewritten';
      break;
    case BoardRefusal.forgedAuthor:
      reason = 'changes can only be made in your own name';
      break;
    case BoardRefusal.immutable:
      reason = `that part of this ${kind} never changes`;
      break;
    case BoardRefusal.tooLarge:
      reason = 'it is longer than the board allows';
      break;
    case BoardRefusal.missingDependencies:
      reason = 'it built on changes the server does not have';
      break;
    case BoardRefusal.unknownRoot:
    case BoardRefusal.invalidStructure:
      reason = 'it does not fit the board’s format (is the app up to date?)';
      break;
  }
  return `That change wasn't allowed: ${reason}.`;
}
