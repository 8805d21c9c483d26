import type * as Y from 'yjs';
import { BoardRuleError, parseInput } from '../errors';
import { assertIsPartnerId, assertPartner, clockOf, newItemId, writeBoard, type BoardActor, type OpOptions } from '../context';
import { positionAtEnd } from '../ordering';
import { newText, setTextValue } from '../text';
import { CreateAppreciationInput, RespondToAppreciationInput, UpdateAppreciationInput } from '../schema/appreciation';
import { baseFields, insertItem, loadItem, stampEdited, stampUpdated, textField } from './shared';

/** A short note of thanks to the partner; only its author edits it. Returns its id. */
export function createAppreciation(doc: Y.Doc, actor: BoardActor, input: CreateAppreciationInput, options?: OpOptions): string {
  assertPartner(actor);
  const { toId, text } = parseInput(CreateAppreciationInput, input);
  assertIsPartnerId(actor, toId, 'toId');
  if (toId === actor.userId) throw new BoardRuleError('invalid_input', 'toId: an appreciation is for your partner');
  const { at } = clockOf(options);
  const id = newItemId();
  writeBoard(doc, options, () => {
    insertItem(doc, id, {
      ...baseFields(id, 'appreciation', actor, at, positionAtEnd(doc, 'appreciation')),
      fromId: actor.userId,
      toId,
      text: newText(text),
    });
  });
  return id;
}

export function updateAppreciation(doc: Y.Doc, actor: BoardActor, input: UpdateAppreciationInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, text } = parseInput(UpdateAppreciationInput, input);
  const { map, item } = loadItem(doc, itemId, 'appreciation');
  if (item.fromId !== actor.userId) throw new BoardRuleError('forbidden', 'only its author edits an appreciation');
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    setTextValue(textField(map, 'text'), text);
    stampEdited(map, actor, at);
  });
}

/**
 * The partner who received an appreciation answers it with a heart, a short reply, or both.
 * Only that partner may; the author cannot heart their own note.
 */
export function respondToAppreciation(doc: Y.Doc, actor: BoardActor, input: RespondToAppreciationInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, heart, reply } = parseInput(RespondToAppreciationInput, input);
  const { map, item } = loadItem(doc, itemId, 'appreciation');
  if (item.toId !== actor.userId) {
    throw new BoardRuleError('forbidden', 'only the partner who received an appreciation answers it');
  }
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    if (heart !== undefined) map.set('heartedAt', heart ? (item.heartedAt ?? at) : null);
    if (reply !== undefined) {
      map.set('reply', reply);
      map.set('repliedAt', reply === '' ? null : at);
    }
    stampUpdated(map, actor, at);
  });
}
