import * as Y from 'yjs';
import { BoardRuleError, parseInput } from '../errors';
import { assertIsPartnerId, assertPartner, clockOf, newItemId, writeBoard, type BoardActor, type OpOptions } from '../context';
import { positionAtEnd } from '../ordering';
import { newText, setTextValue } from '../text';
import { CreateExperienceInput, SetExperienceStatusInput, UpdateExperienceInput, type ExperienceStatus } from '../schema/experience';
import { appendHistory, baseFields, insertItem, loadItem, mapField, newMap, stampEdited, stampUpdated, textField } from './shared';

/**
 * Allowed status changes: idea → planned → done, dropping is possible before done, and each
 * step can be undone (done → planned, dropped → idea) in case of a mis-click.
 */
export const EXPERIENCE_TRANSITIONS: Readonly<Record<ExperienceStatus, readonly ExperienceStatus[]>> = {
  idea: ['planned', 'dropped'],
  planned: ['done', 'dropped', 'idea'],
  done: ['planned'],
  dropped: ['idea'],
};

export function newReflectionMap(): Y.Map<unknown> {
  return newMap({ enjoyed: newText(''), learned: newText(''), updatedAt: null });
}

/** Either partner adds an experience; returns its id. */
export function createExperience(doc: Y.Doc, actor: BoardActor, input: CreateExperienceInput, options?: OpOptions): string {
  assertPartner(actor);
  const data = parseInput(CreateExperienceInput, input);
  data.steps.forEach((s, i) => s.assignee && assertIsPartnerId(actor, s.assignee, `steps.${i}.assignee`));
  const { at } = clockOf(options);
  const id = newItemId();
  writeBoard(doc, options, () => {
    const steps = new Y.Array<Y.Map<unknown>>();
    steps.push(data.steps.map((s) => newStepMap(s.text, s.assignee ?? null)));
    // Each partner's reflection exists from the start, so two devices never race to create it.
    const reflections = new Y.Map<Y.Map<unknown>>();
    for (const partnerId of actor.partnerIds) reflections.set(partnerId, newReflectionMap());
    const map = insertItem(doc, id, {
      ...baseFields(id, 'experience', actor, at, positionAtEnd(doc, 'experience')),
      title: newText(data.title),
      category: data.category,
      closeness: data.closeness,
      when: data.when,
      where: newText(data.where),
      budget: data.budget,
      notes: newText(data.notes),
      steps,
      status: data.status,
      statusChangedAt: at,
      doneAt: null,
      history: new Y.Array<unknown>(),
      reflections,
    });
    appendHistory(map, actor, at, { action: data.status });
  });
  return id;
}

export function newStepMap(text: string, assignee: string | null, id: string = newItemId()): Y.Map<unknown> {
  return newMap({ id, text: newText(text), done: false, doneAt: null, doneBy: null, assignee });
}

/** Either partner edits the plan's details; only the given fields change. */
export function updateExperience(doc: Y.Doc, actor: BoardActor, input: UpdateExperienceInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, title, where, notes, ...plain } = parseInput(UpdateExperienceInput, input);
  const { map } = loadItem(doc, itemId, 'experience');
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    if (title !== undefined) setTextValue(textField(map, 'title'), title);
    if (where !== undefined) setTextValue(textField(map, 'where'), where);
    if (notes !== undefined) setTextValue(textField(map, 'notes'), notes);
    for (const [key, value] of Object.entries(plain)) if (value !== undefined) map.set(key, value);
    stampEdited(map, actor, at);
  });
}

/** Moves the plan along idea → planned → done (or dropped); each change is in `history`. */
export function setExperienceStatus(doc: Y.Doc, actor: BoardActor, input: SetExperienceStatusInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, status, note } = parseInput(SetExperienceStatusInput, input);
  const { map, item } = loadItem(doc, itemId, 'experience');
  if (!EXPERIENCE_TRANSITIONS[item.status].includes(status)) {
    throw new BoardRuleError('conflict', `an experience cannot go from ${item.status} to ${status}`);
  }
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    map.set('status', status);
    map.set('statusChangedAt', at);
    if (status === 'done') map.set('doneAt', at);
    if (item.status === 'done') map.set('doneAt', null);
    appendHistory(map, actor, at, { action: status, note });
    stampUpdated(map, actor, at);
    if (status === 'done') {
      const reflections = mapField(map, 'reflections');
      for (const partnerId of actor.partnerIds) {
        if (!reflections.has(partnerId)) reflections.set(partnerId, newReflectionMap());
      }
    }
  });
}
