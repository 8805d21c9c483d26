/** Speaker–listener content: topic prompts and the guidance each role sees. */

export interface SpeakerListenerTopic {
  /** Stable across content versions. */
  id: string;
  title: string;
  prompt: string;
}

export const SPEAKER_LISTENER_TOPICS: readonly SpeakerListenerTopic[] = [
  { id: 'sl-week', title: 'This week', prompt: 'Something from this week that is still on your mind.' },
  { id: 'sl-small-joy', title: 'A small joy', prompt: 'A small moment lately that made you glad to be with your partner.' },
  { id: 'sl-stress', title: 'What weighs on me', prompt: 'A worry you have been carrying and how it shows up in your days.' },
  { id: 'sl-miss', title: 'What I miss', prompt: 'Something you miss from earlier in your relationship, and why it mattered.' },
  { id: 'sl-hope', title: 'A hope', prompt: 'Something you hope the two of you will have a year from now.' },
  {
    id: 'sl-repair',
    title: 'A moment to repair',
    prompt: 'A recent moment that went wrong between you, told from your side, without blame.',
  },
  { id: 'sl-need', title: 'A need', prompt: 'Something you need more of, and what it would look like on an ordinary day.' },
  { id: 'sl-family', title: 'Family', prompt: 'How your family shaped what you expect from a partner.' },
  { id: 'sl-money', title: 'Money and worth', prompt: 'A feeling you have about money that you have not fully said out loud.' },
  { id: 'sl-home', title: 'Home', prompt: 'What makes a place feel like home to you, and how ours is doing.' },
  { id: 'sl-work', title: 'Work and time', prompt: 'How your work is affecting the time and energy you bring home.' },
  { id: 'sl-rebuild', title: 'Rebuilding', prompt: 'One thing that would help you trust a little more next month than today.' },
];

export const SPEAKER_LISTENER_GUIDANCE = {
  speaker: [
    'Speak about your own experience: “I felt…”, “I noticed…”.',
    'Keep to one thing at a time, in pieces small enough to repeat back.',
    'You hold the floor until the timer ends or you hand it over.',
  ],
  listener: [
    'Listen to understand, not to reply. Your turn to speak comes.',
    'Then write back what you heard, starting with “What I heard is…”.',
    'No rebuttals or advice in the paraphrase: just their meaning, in your words.',
  ],
  paraphraseStarter: 'What I heard is…',
  confirm: 'Did your partner get it? If something is missing or off, say which part, kindly, and let them try again.',
  swap: 'Now swap: the listener becomes the speaker.',
} as const;

export function findSpeakerListenerTopic(id: string): SpeakerListenerTopic | undefined {
  return SPEAKER_LISTENER_TOPICS.find((t) => t.id === id);
}
