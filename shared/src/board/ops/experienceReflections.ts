import type * as Y from 'yjs';
import { BoardRuleError, parseInput } from '../errors';
import { assertPartner, clockOf, writeBoard, type BoardActor, type OpOptions } from '../context';
import { setTextValue } from '../text';
import { WriteReflectionInput } from '../schema/experience';
import { canWriteReflection } from '../rules';
import { newReflectionMap } from './experienceOps';
import { loadItem, mapField, stampUpdated } from './shared';

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
    const reflections = mapField<Y.Map<unknown>>(map, 'reflections');
    let own = reflections.get(actor.userId);
    if (!own) {
      reflections.set(actor.userId, newReflectionMap());
      own = reflections.get(actor.userId)!;
    }
    if (enjoyed !== undefined) setTextValue(own.get('enjoyed') as Y.Text, enjoyed);
    if (learned !== undefined) setTextValue(own.get('learned') as Y.Text, learned);
    own.set('updatedAt', at);
    stampUpdated(map, actor, at);
  });
}
