import { nameOf, type Journey } from '@hearth/shared/insights';
import { PALETTE } from './format';

/** "Your promises" / "Sam’s promises". */
export function possessive(j: Journey, id: string): string {
  const name = nameOf(j, id);
  return name === 'You' ? 'Your' : `${name}’s`;
}

/** The same colour and line style for a person on every screen, whoever is looking. */
export function styleOf(j: Journey, id: string): { color: string; dashed: boolean } {
  const index = j.people.findIndex((p) => p.id === id);
  return index % 2 === 1 ? { color: PALETTE.personB, dashed: true } : { color: PALETTE.personA, dashed: false };
}
