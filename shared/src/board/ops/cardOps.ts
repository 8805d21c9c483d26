import * as Y from 'yjs';
import { BoardRuleError, parseInput } from '../errors';
import { assertPartner, clockOf, newItemId, writeBoard, type BoardActor, type OpOptions } from '../context';
import { positionAtEnd } from '../ordering';
import { newText, setTextValue } from '../text';
import {
  AcknowledgeCardInput,
  AddCardCommentInput,
  CreateCardInput,
  RemoveCardCommentInput,
  UpdateCardInput,
  type CardComment,
} from '../schema/card';
import { isRecord } from '../../guards';
import { arrayField, baseFields, insertItem, loadItem, stampEdited, stampUpdated, textField } from './shared';

/**
 * Needs & boundaries cards. The author owns the words; the partner says "I understand"
 * (understanding, not agreement) and both can comment.
 */

export function createCard(doc: Y.Doc, actor: BoardActor, input: CreateCardInput, options?: OpOptions): string {
  assertPartner(actor);
  const data = parseInput(CreateCardInput, input);
  const { at } = clockOf(options);
  const id = newItemId();
  writeBoard(doc, options, () => {
    insertItem(doc, id, {
      ...baseFields(id, 'card', actor, at, positionAtEnd(doc, 'card')),
      authorId: actor.userId,
      cardType: data.cardType,
      statement: newText(data.statement),
      helps: newText(data.helps),
      avoid: newText(data.avoid),
      acknowledgedBy: null,
      acknowledgedAt: null,
      revisitDate: data.revisitDate,
      comments: new Y.Array<CardComment>(),
    });
  });
  return id;
}

/** Only the author edits the statement, what helps, what to avoid, the type and revisit date. */
export function updateCard(doc: Y.Doc, actor: BoardActor, input: UpdateCardInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, statement, helps, avoid, cardType, revisitDate } = parseInput(UpdateCardInput, input);
  const { map, item } = loadItem(doc, itemId, 'card');
  if (item.authorId !== actor.userId) throw new BoardRuleError('forbidden', 'only the author edits this card');
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    if (statement !== undefined) setTextValue(textField(map, 'statement'), statement);
    if (helps !== undefined) setTextValue(textField(map, 'helps'), helps);
    if (avoid !== undefined) setTextValue(textField(map, 'avoid'), avoid);
    if (cardType !== undefined) map.set('cardType', cardType);
    if (revisitDate !== undefined) map.set('revisitDate', revisitDate);
    stampEdited(map, actor, at);
  });
}

/** Only the partner (not the author) acknowledges; `understood: false` withdraws it. */
export function acknowledgeCard(doc: Y.Doc, actor: BoardActor, input: AcknowledgeCardInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, understood } = parseInput(AcknowledgeCardInput, input);
  const { map, item } = loadItem(doc, itemId, 'card');
  if (item.authorId === actor.userId) {
    throw new BoardRuleError('forbidden', 'only your partner acknowledges your card');
  }
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    map.set('acknowledgedBy', understood ? actor.userId : null);
    map.set('acknowledgedAt', understood ? at : null);
    stampUpdated(map, actor, at);
  });
}

/** Either partner comments; returns the comment id. */
export function addCardComment(doc: Y.Doc, actor: BoardActor, input: AddCardCommentInput, options?: OpOptions): string {
  assertPartner(actor);
  const { itemId, text } = parseInput(AddCardCommentInput, input);
  const { map } = loadItem(doc, itemId, 'card');
  const { at } = clockOf(options);
  const id = newItemId();
  writeBoard(doc, options, () => {
    arrayField(map, 'comments').push([{ id, by: actor.userId, at, text } satisfies CardComment]);
    stampUpdated(map, actor, at);
  });
  return id;
}

/** A comment is removed only by whoever wrote it. */
export function removeCardComment(doc: Y.Doc, actor: BoardActor, input: RemoveCardCommentInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, commentId } = parseInput(RemoveCardCommentInput, input);
  const { map, item } = loadItem(doc, itemId, 'card');
  const comment = item.comments.find((c) => c.id === commentId);
  if (!comment) throw new BoardRuleError('not_found', `commentId: no comment ${commentId} on this card`);
  if (comment.by !== actor.userId) throw new BoardRuleError('forbidden', 'only its writer removes a comment');
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    const comments = arrayField(map, 'comments');
    const live = comments.toArray().findIndex((c) => isRecord(c) && c.id === commentId);
    if (live >= 0) comments.delete(live, 1);
    stampUpdated(map, actor, at);
  });
}
