import { QUESTION_DECK } from '@hearth/shared/exercises';
import type { DeckQuestion, QuestionTheme } from '@hearth/shared/exercises';

/** mulberry32: a tiny seeded generator, so a draw is a pure function of (seed, draw number). */
function random(seed: number, n: number): number {
  let t = (seed + Math.imul(n + 1, 0x9e3779b9)) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * Picks an unseen question from `pool`; a theme starts over only once every one of its
 * questions was drawn. Returns the question and the new list of used ids.
 */
export function drawQuestion(
  pool: readonly QuestionTheme[],
  used: readonly string[],
  seed: number,
  drawNumber: number,
): { question: DeckQuestion; used: string[] } {
  const inPool = QUESTION_DECK.filter((q) => pool.includes(q.theme));
  const seen = new Set(used);
  let fresh = inPool.filter((q) => !seen.has(q.id));
  let nextUsed = [...used];
  if (fresh.length === 0) {
    // Every theme in the pool is exhausted: those themes start over.
    const reset = new Set(inPool.map((q) => q.id));
    nextUsed = nextUsed.filter((id) => !reset.has(id));
    fresh = inPool;
  }
  const question = fresh[Math.floor(random(seed, drawNumber) * fresh.length)]!;
  nextUsed.push(question.id);
  return { question, used: nextUsed };
}

export function remainingByTheme(themes: readonly QuestionTheme[], used: readonly string[]): Partial<Record<QuestionTheme, number>> {
  const seen = new Set(used);
  const out: Partial<Record<QuestionTheme, number>> = {};
  for (const theme of themes) out[theme] = QUESTION_DECK.filter((q) => q.theme === theme && !seen.has(q.id)).length;
  return out;
}
