/** The question deck's themes, in the order the deck shows them. */
export const QUESTION_THEMES = ['intellectual', 'experiential', 'spiritual', 'physical', 'trust', 'appreciation', 'boundaries'] as const;
export type QuestionThemeName = (typeof QUESTION_THEMES)[number];

export const THEME_LABELS: Record<QuestionThemeName, { label: string; blurb: string }> = {
  intellectual: { label: 'Minds', blurb: 'Ideas, opinions and the way each of you thinks.' },
  experiential: { label: 'Shared experiences', blurb: 'What you have lived together and want to live next.' },
  spiritual: { label: 'Meaning', blurb: 'Values, purpose and what feels bigger than the two of you.' },
  physical: { label: 'Physical closeness', blurb: 'Touch, comfort and feeling at ease side by side.' },
  trust: { label: 'Trust', blurb: 'Feeling safe, relied upon and believed.' },
  appreciation: { label: 'Appreciation', blurb: 'Noticing and naming what the other gives.' },
  boundaries: { label: 'Boundaries', blurb: 'Where each of you needs space, and how to ask for it.' },
};
