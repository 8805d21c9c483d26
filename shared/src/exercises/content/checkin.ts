/** Together check-in content: mood scale, feeling words and the prompts shown to both. */

import { recordOf } from '../../guards';
import { MOOD_PROMPT, MOOD_VALUES, moodLabel } from '../../board/mood';

export const FEELING_WORD_MAX = 40;

/** The board's one mood scale (see board/mood.ts), by value. */
export const MOOD_LABELS = recordOf(MOOD_VALUES, moodLabel);

/** Suggested words, grouped so the picker can show a few at a time; any word is accepted. */
export const FEELING_WORDS: Record<'pleasant' | 'tender' | 'unsettled' | 'heavy', readonly string[]> = {
  pleasant: ['calm', 'content', 'hopeful', 'playful', 'grateful', 'energised', 'proud', 'relieved', 'curious', 'close'],
  tender: ['moved', 'soft', 'nostalgic', 'shy', 'longing', 'open', 'touched', 'fragile', 'cared for', 'seen'],
  unsettled: ['restless', 'anxious', 'irritated', 'distracted', 'unsure', 'stretched', 'impatient', 'tense', 'overwhelmed', 'wary'],
  heavy: ['tired', 'sad', 'lonely', 'hurt', 'discouraged', 'numb', 'frustrated', 'ashamed', 'disappointed', 'drained'],
};

export const CHECKIN_GUIDANCE = {
  intro:
    'Answer on your own first. Neither of you sees the other’s answer until you have both pressed “Share”, then they appear on both screens at once.',
  moodPrompt: MOOD_PROMPT,
  feelingsPrompt: 'Pick up to eight words that fit, or write your own.',
  needPrompt: 'One thing that would help you today',
  notePrompt: 'Anything else you want your partner to know (optional)',
  afterReveal: 'Take a moment with what you read. Ask one question about your partner’s answer before talking about your own.',
} as const;
