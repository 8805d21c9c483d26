import * as Y from 'yjs';
import { BoardRuleError, parseInput } from '../errors';
import { assertIsPartnerId, assertPartner, clockOf, newItemId, writeBoard, type BoardActor, type OpOptions } from '../context';
import type { ItemMap } from '../docLayout';
import { positionAfter, positionAtEnd } from '../ordering';
import { newText, setTextValue } from '../text';
import {
  AcceptPromiseInput,
  CreatePromiseInput,
  RenegotiatePromiseInput,
  UpdatePromiseInput,
  type PromiseCadence,
} from '../schema/promise';
import { addDays } from './promiseSchedule';
import { clearMissedMarks } from './promiseOutcomes';
import { appendHistory, baseFields, insertItem, loadItem, stampEdited, stampUpdated, textField } from './shared';

/** Promises: propose, edit while proposed, accept, renegotiate. Marking is in promiseOutcomes. */

function promiseFields(
  id: string,
  actor: BoardActor,
  at: string,
  position: string,
  data: { text: string; promiserId: string; promiseeId: string; cadence: PromiseCadence },
  renegotiatedFrom: string | null,
): Record<string, unknown> {
  return {
    ...baseFields(id, 'promise', actor, at, position),
    text: newText(data.text),
    promiserId: data.promiserId,
    promiseeId: data.promiseeId,
    cadence: data.cadence,
    status: 'proposed',
    statusChangedAt: at,
    acceptedAt: null,
    outcomes: new Y.Map<unknown>(),
    history: new Y.Array<unknown>(),
    renegotiatedFrom,
    renegotiatedInto: null,
  };
}

/** The acting partner promises something to the other; it starts as `proposed`. */
export function createPromise(doc: Y.Doc, actor: BoardActor, input: CreatePromiseInput, options?: OpOptions): string {
  assertPartner(actor);
  const { text, promiseeId, cadence, note } = parseInput(CreatePromiseInput, input);
  assertIsPartnerId(actor, promiseeId, 'promiseeId');
  if (promiseeId === actor.userId) throw new BoardRuleError('invalid_input', 'promiseeId: a promise is made to your partner');
  const { at } = clockOf(options);
  const id = newItemId();
  writeBoard(doc, options, () => {
    const fields = promiseFields(
      id,
      actor,
      at,
      positionAtEnd(doc, 'promise'),
      { text, promiserId: actor.userId, promiseeId, cadence },
      null,
    );
    appendHistory(insertItem(doc, id, fields), actor, at, { action: 'proposed', note });
  });
  return id;
}

/** Only the promiser, only while proposed: once accepted, the terms change by renegotiation. */
export function updatePromise(doc: Y.Doc, actor: BoardActor, input: UpdatePromiseInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, text, cadence } = parseInput(UpdatePromiseInput, input);
  const { map, item } = loadItem(doc, itemId, 'promise');
  if (item.promiserId !== actor.userId) throw new BoardRuleError('forbidden', 'only the promiser edits a promise');
  if (item.status !== 'proposed') {
    throw new BoardRuleError('conflict', 'an accepted promise is changed by renegotiating it');
  }
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    if (text !== undefined) setTextValue(textField(map, 'text'), text);
    if (cadence !== undefined) map.set('cadence', cadence);
    appendHistory(map, actor, at, { action: 'edited' });
    stampEdited(map, actor, at);
  });
}

/** Only the promisee accepts a proposed promise. */
export function acceptPromise(doc: Y.Doc, actor: BoardActor, input: AcceptPromiseInput, options?: OpOptions): void {
  assertPartner(actor);
  const { itemId, note } = parseInput(AcceptPromiseInput, input);
  const { map, item } = loadItem(doc, itemId, 'promise');
  if (item.promiseeId !== actor.userId) throw new BoardRuleError('forbidden', 'only the promisee accepts a promise');
  if (item.status !== 'proposed') throw new BoardRuleError('conflict', `this promise is already ${item.status}`);
  const { at } = clockOf(options);
  writeBoard(doc, options, () => {
    setStatus(map, 'accepted', at);
    map.set('acceptedAt', at);
    appendHistory(map, actor, at, { action: 'accepted', note });
    stampUpdated(map, actor, at);
  });
}

export function setStatus(map: ItemMap, status: string, at: string): void {
  map.set('status', status);
  map.set('statusChangedAt', at);
}

/** Days a renegotiated one-off promise gets when its old due date has passed and none is given. */
export const RENEGOTIATED_DUE_DAYS = 7;

/** The old cadence, except that a one-off date already past moves a week ahead of today. */
function carriedCadence(cadence: PromiseCadence, today: string): PromiseCadence {
  if (cadence.type !== 'once' || cadence.dueDate >= today) return cadence;
  return { type: 'once', dueDate: addDays(today, RENEGOTIATED_DUE_DAYS) };
}

/**
 * Either partner replaces a proposed, accepted or missed promise with a new version: the new
 * one is proposed (the promisee accepts it), links back with `renegotiatedFrom`, and sits right
 * after the old one, which becomes `renegotiated` with `renegotiatedInto` and loses its
 * "missed" marks (clearMissedMarks). Returns the new id.
 */
export function renegotiatePromise(doc: Y.Doc, actor: BoardActor, input: RenegotiatePromiseInput, options?: OpOptions): string {
  assertPartner(actor);
  const { itemId, text, cadence, note } = parseInput(RenegotiatePromiseInput, input);
  const { map, item } = loadItem(doc, itemId, 'promise');
  if (actor.userId !== item.promiserId && actor.userId !== item.promiseeId) {
    throw new BoardRuleError('forbidden', 'only the two people in a promise renegotiate it');
  }
  if (item.status === 'renegotiated' || item.status === 'kept') {
    throw new BoardRuleError('conflict', `a ${item.status} promise cannot be renegotiated`);
  }
  const { at, today } = clockOf(options);
  const newCadence = cadence ?? carriedCadence(item.cadence, today);
  if (newCadence.type === 'once' && newCadence.dueDate < today) {
    throw new BoardRuleError('invalid_input', 'cadence: the due date has passed; give a new one');
  }
  const newId = newItemId();
  writeBoard(doc, options, () => {
    const fields = promiseFields(
      newId,
      actor,
      at,
      positionAfter(doc, 'promise', itemId),
      { text, promiserId: item.promiserId, promiseeId: item.promiseeId, cadence: newCadence },
      itemId,
    );
    appendHistory(insertItem(doc, newId, fields), actor, at, { action: 'proposed', note, renegotiatedFrom: itemId });
    clearMissedMarks(map, item);
    setStatus(map, 'renegotiated', at);
    map.set('renegotiatedInto', newId);
    appendHistory(map, actor, at, { action: 'renegotiated', note, renegotiatedInto: newId });
    stampUpdated(map, actor, at);
  });
  return newId;
}
