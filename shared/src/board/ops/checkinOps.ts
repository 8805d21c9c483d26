import type * as Y from 'yjs';
import { parseInput } from '../errors';
import { assertPartner, clockOf, writeBoard, type BoardActor, type OpOptions } from '../context';
import { itemMapOf } from '../docLayout';
import { positionAtEnd } from '../ordering';
import { SubmitCheckinInput, checkinIdOf } from '../schema/checkin';
import { baseFields, insertItem, loadItem, stampEdited } from './shared';

/**
 * Adds the acting partner's check-in for a day (default: today), or updates it if they already
 * checked in that day: one per user per date, since the id is made of both. Two devices
 * submitting the same day offline converge on one check-in. Returns the check-in's id.
 */
export function addCheckin(doc: Y.Doc, actor: BoardActor, input: SubmitCheckinInput, options?: OpOptions): string {
  assertPartner(actor);
  const data = parseInput(SubmitCheckinInput, input);
  const { at, today } = clockOf(options);
  const date = data.date ?? today;
  const id = checkinIdOf(actor.userId, date);
  const values = { mood: data.mood, feelings: data.feelings, need: data.need, note: data.note ?? '' };
  // An existing check-in is validated first, so a broken one is reported rather than patched.
  const existing = itemMapOf(doc, id) ? loadItem(doc, id, 'checkin').map : undefined;
  writeBoard(doc, options, () => {
    if (existing) {
      for (const [key, value] of Object.entries(values)) existing.set(key, value);
      stampEdited(existing, actor, at);
      return;
    }
    insertItem(doc, id, {
      ...baseFields(id, 'checkin', actor, at, positionAtEnd(doc, 'checkin')),
      userId: actor.userId,
      date,
      ...values,
    });
  });
  return id;
}
