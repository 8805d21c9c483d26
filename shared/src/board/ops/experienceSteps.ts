import * as Y from 'yjs';
import { BoardRuleError, parseInput } from '../errors';
import { assertIsPartnerId, assertPartner, clockOf, newItemId, writeBoard, type BoardActor, type OpOptions } from '../context';
import type { ItemMap } from '../docLayout';
import { setTextValue } from '../text';
import { AddStepInput, RemoveStepInput, UpdateStepInput } from '../schema/experience';
import { newStepMap } from './experienceOps';
import { arrayField, loadItem, stampEdited, stampUpdated, textField } from './shared';

/** The checklist of an experience plan: add, edit, tick, assign, remove. Either partner. */

function stepsOf(map: ItemMap): Y.Array<unknown> {
  return arrayField(map, 'steps');
}

function findStep(map: ItemMap, stepId: string): { index: number; step: Y.Map<unknown> } {
  const steps = stepsOf(map).toArray();
  const index = steps.findIndex((s) => s instanceof Y.Map && s.get('id') === stepId);
  const step = steps[index];
  if (!(step instanceof Y.Map)) throw new BoardRuleError('not_found', `stepId: no step ${stepId} in this experience`);
  return { index, step };
}

/** Adds a step at the end of the checklist; returns the step's id. */
export function addStep(doc: Y.Doc, actor: BoardActor, input: AddStepInput, options?: OpOptions): string {
  assertPartner(actor);
  const { itemId, text, assignee } = parseInput(AddStepInput, input);
  if (assignee) assertIsPartnerId(actor, assignee, 'assignee');
  const { map } = loadItem(doc, itemId, 'experience');
  const { at } = clockOf(options);
  const stepId = newItemId();
  const step = newStepMap(text, assignee, stepId);
  writeBoard(doc, options, () => {
    stepsOf(map).push([step]);
    stampEdited(map, actor, at);
  });
  return stepId;
}

/** Edits a step's text, ticks or unticks it, or (re)assigns it to a partner (null = nobody). */
export function updateStep(doc: Y.Doc, actor: BoardActor, input: UpdateStepInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, stepId, text, done, assignee } = parseInput(UpdateStepInput, input);
  if (assignee) assertIsPartnerId(actor, assignee, 'assignee');
  const { map } = loadItem(doc, itemId, 'experience');
  const { step } = findStep(map, stepId);
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    if (text !== undefined) setTextValue(textField(step, 'text'), text);
    if (done !== undefined && step.get('done') !== done) {
      step.set('done', done);
      step.set('doneAt', done ? at : null);
      step.set('doneBy', done ? actor.userId : null);
    }
    if (assignee !== undefined) step.set('assignee', assignee);
    // Ticking or assigning a step is progress on the plan, not an edit of it.
    (text !== undefined ? stampEdited : stampUpdated)(map, actor, at);
  });
}

export function removeStep(doc: Y.Doc, actor: BoardActor, input: RemoveStepInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, stepId } = parseInput(RemoveStepInput, input);
  const { map } = loadItem(doc, itemId, 'experience');
  const { index } = findStep(map, stepId);
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    stepsOf(map).delete(index, 1);
    stampEdited(map, actor, at);
  });
}
