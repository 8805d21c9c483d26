import { describe, expect, it } from 'vitest';
import { QUESTION_DECK, questionsOfTheme } from './questionDeck';
import { QUESTION_THEMES } from './questionThemes';
import { SPEAKER_LISTENER_TOPICS } from './speakerListener';

describe('exercise content', () => {
  it('has at least 120 questions, every theme represented', () => {
    expect(QUESTION_DECK.length).toBeGreaterThanOrEqual(120);
    for (const theme of QUESTION_THEMES) expect(questionsOfTheme(theme).length).toBeGreaterThanOrEqual(15);
  });

  it('gives every question and topic a unique id and unique wording', () => {
    const ids = [...QUESTION_DECK.map((q) => q.id), ...SPEAKER_LISTENER_TOPICS.map((t) => t.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const texts = QUESTION_DECK.map((q) => q.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('uses ids that name their theme, so an id alone says where a question belongs', () => {
    const prefix: Record<string, string> = {
      intellectual: 'int-',
      experiential: 'exp-',
      spiritual: 'spi-',
      physical: 'phy-',
      trust: 'tru-',
      appreciation: 'app-',
      boundaries: 'bou-',
    };
    for (const q of QUESTION_DECK) expect(q.id.startsWith(prefix[q.theme]!)).toBe(true);
  });
});
