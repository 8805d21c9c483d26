import { z } from 'zod';
import { ObjectIdSchema } from '../../api/spaces';
import { LifecycleActions, Text } from '../base';

/** Speaker–listener: one partner holds the floor, the other paraphrases until the speaker agrees. */
export const SpeakerListenerOptions = z.strictObject({
  /** Minutes the speaker holds the floor (default 3). */
  turnMinutes: z.number().min(0.5).max(20).optional(),
  /** Minutes the listener has to write each paraphrase (default 2). */
  paraphraseMinutes: z.number().min(0.5).max(20).optional(),
  /** A round is both partners speaking once (default 1). */
  rounds: z.number().int().min(1).max(6).optional(),
  /** A prompt from the content (`sl-…`) or a topic in the couple's own words. */
  topicId: z.string().max(40).optional(),
  topic: Text(200).optional(),
  /** Who speaks first (default: whoever started, or the first partner). */
  firstSpeakerId: ObjectIdSchema.optional(),
});
export type SpeakerListenerOptions = z.infer<typeof SpeakerListenerOptions>;

export const ParaphrasePayload = z.strictObject({ text: Text(2000) });
export const SpeakerConfirmPayload = z.strictObject({ accurate: z.boolean(), correction: Text(2000).optional() });

export const SpeakerListenerAction = z.discriminatedUnion('type', [
  ...LifecycleActions,
  z.strictObject({ type: z.literal('paraphrase'), payload: ParaphrasePayload }),
  z.strictObject({ type: z.literal('confirm'), payload: SpeakerConfirmPayload }),
]);
export type SpeakerListenerAction = z.infer<typeof SpeakerListenerAction>;

export const ParaphraseAttempt = z.object({
  text: z.string(),
  /** null until the speaker answers. */
  accurate: z.boolean().nullable(),
  correction: z.string().nullable(),
});
export type ParaphraseAttempt = z.infer<typeof ParaphraseAttempt>;

export const SpeakerListenerExchange = z.object({
  speakerId: z.string(),
  listenerId: z.string(),
  attempts: z.array(ParaphraseAttempt),
  outcome: z.enum(['confirmed', 'moved_on', 'timed_out']).nullable(),
});
export type SpeakerListenerExchange = z.infer<typeof SpeakerListenerExchange>;

/** What both partners see; it is also what the server keeps. */
export const SpeakerListenerData = z.object({
  topicId: z.string().nullable(),
  topic: z.string(),
  rounds: z.number(),
  turnMs: z.number(),
  paraphraseMs: z.number(),
  /** Index into `exchanges` of the one in progress. */
  current: z.number(),
  exchanges: z.array(SpeakerListenerExchange),
});
export type SpeakerListenerData = z.infer<typeof SpeakerListenerData>;

export const SpeakerListenerKind = {
  kind: 'speaker_listener',
  options: SpeakerListenerOptions,
  action: SpeakerListenerAction,
  data: SpeakerListenerData,
} as const;
