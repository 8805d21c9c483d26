/** Guidance shown while a couple walks through their promises together. */
export const PROMISE_REVIEW_GUIDANCE = {
  intro:
    'We go through the promises that came due since your last review, one at a time. The person who made the promise says how it went; the other confirms.',
  introFirst:
    'This is your first review, so we go through every promise that has come due so far, one at a time. The person who made the promise says how it went; the other confirms.',
  markPrompt: 'Did you keep this one?',
  confirmPrompt: 'Does that match how it looked from your side?',
  missedPrompt: 'A missed promise is information, not a verdict. Would a smaller, clearer or differently timed promise work better?',
  renegotiatePrompt: 'Rewrite the promise so it is one you can keep',
  empty: 'Nothing came due since your last review. That is worth noticing too.',
  emptyHint: 'There is nothing to go through together this time, so there is nothing to get ready for: finish the review here.',
} as const;
