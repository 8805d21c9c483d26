/**
 * The one mood scale of Hearth: the board's check-ins and the together check-in exercise ask
 * and show mood with these five steps, so a mood means the same wherever it was given.
 */
export const MOOD_VALUES = [1, 2, 3, 4, 5] as const;
export type MoodValue = (typeof MOOD_VALUES)[number];

export const MOOD_SCALE: ReadonlyArray<{ value: MoodValue; label: string }> = [
  { value: 1, label: 'Heavy' },
  { value: 2, label: 'Low' },
  { value: 3, label: 'Steady' },
  { value: 4, label: 'Good' },
  { value: 5, label: 'Bright' },
];

export const MOOD_PROMPT = 'How are you arriving today, from heavy to bright?';

/** "Good"; an out-of-range value (data from a faulty client) reads as its number. */
export function moodLabel(value: number): string {
  return MOOD_SCALE.find((m) => m.value === value)?.label ?? String(value);
}
