import type * as Y from 'yjs';
import { BoardRuleError, parseInput } from '../errors';
import { assertPartner, clockOf, writeBoard, type BoardActor, type OpOptions } from '../context';
import { setTextValue } from '../text';
import { WriteReflectionInput } from '../schema/experience';
import { canWriteReflection } from '../rules';
import { newReflectionMap } from './experienceOps';
import { loadItem, mapField, nestedMap, stampUpdated, textField } from './shared';

/**
 * After an experience is done, each partner writes their own reflection ("what I enjoyed",
 * "what I learned about us"). Nobody writes the other's.
 */
export function writeReflection(doc: Y.Doc, actor: BoardActor, input: WriteReflectionInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, enjoyed, learned } = parseInput(WriteReflectionInput, input);
  const { map, item } = loadItem(doc, itemId, 'experience');
  if (!canWriteReflection(item, actor.userId, actor.userId)) {
    throw new BoardRuleError('conflict', 'reflections are written once the experience is done');
  }
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    const reflections = mapField(map, 'reflections');
    let own = nestedMap(reflections, actor.userId);
    if (!own) {
      own = newReflectionMap();
      reflections.set(actor.userId, own);
    }
    if (enjoyed !== undefined) setTextValue(textField(own, 'enjoyed'), enjoyed);
    if (learned !== undefined) setTextValue(textField(own, 'learned'), learned);
    own.set('updatedAt', at);
    stampUpdated(map, actor, at);
  });
}
