import * as Y from 'yjs';
import { itemMapOf } from '../docLayout';
import type { TextField } from '../schema/item';

/**
 * The live Y.Text behind a field, for binding an input to it (concurrent typing merges and the
 * caret stays put). Returns undefined when the item, step or reflection is missing. Check
 * `canEditText` / `canWriteReflection` before letting someone type into it.
 */
export function getItemText(doc: Y.Doc, itemId: string, field: TextField): Y.Text | undefined {
  const value = itemMapOf(doc, itemId)?.get(field);
  return value instanceof Y.Text ? value : undefined;
}

export function getStepText(doc: Y.Doc, itemId: string, stepId: string): Y.Text | undefined {
  const steps = itemMapOf(doc, itemId)?.get('steps');
  if (!(steps instanceof Y.Array)) return undefined;
  const list: unknown[] = steps.toArray();
  for (const step of list) {
    if (step instanceof Y.Map && step.get('id') === stepId) {
      const text = step.get('text');
      return text instanceof Y.Text ? text : undefined;
    }
  }
  return undefined;
}

export type ReflectionField = 'enjoyed' | 'learned';

/** A partner's reflection text; writeReflection creates it if a partner joined later. */
export function getReflectionText(doc: Y.Doc, itemId: string, userId: string, field: ReflectionField): Y.Text | undefined {
  const reflections = itemMapOf(doc, itemId)?.get('reflections');
  if (!(reflections instanceof Y.Map)) return undefined;
  const own: unknown = reflections.get(userId);
  if (!(own instanceof Y.Map)) return undefined;
  const text: unknown = own.get(field);
  return text instanceof Y.Text ? text : undefined;
}
