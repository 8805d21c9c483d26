import { findSpeakerListenerTopic, SPEAKER_LISTENER_TOPICS } from '@hearth/shared/exercises';
import type { SpeakerListenerData } from '@hearth/shared/exercises';
import { fail, otherOf } from '../run';
import type { ExerciseMachine, RunOf, Step } from '../run';

const MINUTE = 60_000;
export const DEFAULT_TURN_MINUTES = 3;
export const DEFAULT_PARAPHRASE_MINUTES = 2;

type S = RunOf<'speaker_listener'>;

function speaking(data: SpeakerListenerData, now: number): Step<SpeakerListenerData> {
  const ex = data.exchanges[data.current]!;
  return { phase: 'speaking', turn: ex.speakerId, deadline: now + data.turnMs, data };
}

function paraphrasing(data: SpeakerListenerData, now: number): Step<SpeakerListenerData> {
  const ex = data.exchanges[data.current]!;
  return { phase: 'paraphrasing', turn: ex.listenerId, deadline: now + data.paraphraseMs, data };
}

/** Close the current exchange and swap roles, or finish after the last round. */
function advance(s: S, outcome: 'confirmed' | 'moved_on' | 'timed_out', now: number): Step<SpeakerListenerData> {
  const data = s.data;
  const ex = data.exchanges[data.current]!;
  ex.outcome = outcome;
  if (data.current + 1 >= data.rounds * 2) {
    return { phase: s.phase, turn: null, deadline: null, data, finished: true };
  }
  data.current += 1;
  data.exchanges.push({ speakerId: ex.listenerId, listenerId: ex.speakerId, attempts: [], outcome: null });
  return speaking(data, now);
}

export const speakerListenerMachine: ExerciseMachine<'speaker_listener'> = {
  kind: 'speaker_listener',

  init({ options, participants, startedBy, now }) {
    const preferred = options.firstSpeakerId ?? startedBy;
    const speakerId = participants.includes(preferred) ? preferred : participants[0]!;
    const preset = options.topicId ? findSpeakerListenerTopic(options.topicId) : undefined;
    const fallback = SPEAKER_LISTENER_TOPICS[0]!;
    const data: SpeakerListenerData = {
      topicId: options.topic ? null : (preset ?? fallback).id,
      topic: options.topic ?? (preset ?? fallback).prompt,
      rounds: options.rounds ?? 1,
      turnMs: Math.round((options.turnMinutes ?? DEFAULT_TURN_MINUTES) * MINUTE),
      paraphraseMs: Math.round((options.paraphraseMinutes ?? DEFAULT_PARAPHRASE_MINUTES) * MINUTE),
      current: 0,
      exchanges: [{ speakerId, listenerId: otherOf(participants, speakerId), attempts: [], outcome: null }],
    };
    return speaking(data, now);
  },

  act(s, action, actor, now) {
    const ex = s.data.exchanges[s.data.current]!;
    const isSpeaker = actor.userId === ex.speakerId;
    switch (action.type) {
      case 'paraphrase': {
        if (s.phase !== 'paraphrasing') return fail('conflict', 'The paraphrase comes after the speaker’s turn');
        if (actor.userId !== ex.listenerId) return fail('forbidden', 'Only the listener writes the paraphrase');
        ex.attempts.push({ text: action.payload.text, accurate: null, correction: null });
        return { phase: 'confirming', turn: ex.speakerId, deadline: null, data: s.data };
      }
      case 'confirm': {
        if (s.phase !== 'confirming') return fail('conflict', 'There is no paraphrase to confirm yet');
        if (!isSpeaker) return fail('forbidden', 'Only the speaker confirms the paraphrase');
        const { payload } = action;
        const attempt = ex.attempts[ex.attempts.length - 1]!;
        attempt.accurate = payload.accurate;
        attempt.correction = payload.correction ?? null;
        return payload.accurate ? advance(s, 'confirmed', now) : paraphrasing(s.data, now);
      }
      case 'next': {
        // The floor is the speaker's: the listener cannot end it, a facilitator can.
        if (!isSpeaker && !actor.canFacilitate) return fail('forbidden', 'Only the speaker can end their turn');
        return s.phase === 'speaking' ? paraphrasing(s.data, now) : advance(s, 'moved_on', now);
      }
      default:
        return fail('invalid_input', `"${action.type}" is not an action of speaker_listener`);
    }
  },

  expire(s, now) {
    if (s.phase === 'speaking') return paraphrasing(s.data, now);
    if (s.phase === 'paraphrasing') return advance(s, 'timed_out', now);
    return { phase: s.phase, turn: s.turn, deadline: null, data: s.data };
  },

  view(data) {
    return { ...data };
  },
};
