import { CLOSENESS_QUESTIONS } from './questions.closeness';
import { TRUST_QUESTIONS } from './questions.trust';
import { QUESTION_THEMES } from './questionThemes';
import type { QuestionThemeName } from './questionThemes';

export interface DeckQuestion {
  /** Stable across content versions; a reworded question keeps its id. */
  id: string;
  theme: QuestionThemeName;
  text: string;
}

const BY_THEME: Record<QuestionThemeName, readonly (readonly [string, string])[]> = {
  ...CLOSENESS_QUESTIONS,
  ...TRUST_QUESTIONS,
};

/** Every question, theme by theme, in a fixed order. */
export const QUESTION_DECK: readonly DeckQuestion[] = QUESTION_THEMES.flatMap((theme) =>
  BY_THEME[theme].map(([id, text]) => ({ id, theme, text })),
);

const BY_ID = new Map(QUESTION_DECK.map((q) => [q.id, q]));

export function findQuestion(id: string): DeckQuestion | undefined {
  return BY_ID.get(id);
}

export function questionsOfTheme(theme: QuestionThemeName): readonly DeckQuestion[] {
  return QUESTION_DECK.filter((q) => q.theme === theme);
}
