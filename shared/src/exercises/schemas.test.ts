import { describe, expect, it } from 'vitest';
import { ExerciseActionPayload, ExerciseStartPayload, parseActionPayload } from './schemas';

const spaceId = 'a'.repeat(24);

describe('exercise payload schemas', () => {
  it('accepts a start per kind and refuses options of another kind', () => {
    expect(ExerciseStartPayload.safeParse({ spaceId, kind: 'speaker_listener', options: { turnMinutes: 3, rounds: 2 } }).success).toBe(
      true,
    );
    expect(ExerciseStartPayload.safeParse({ spaceId, kind: 'checkin' }).success).toBe(true);
    expect(ExerciseStartPayload.safeParse({ spaceId, kind: 'checkin', options: { rounds: 2 } }).success).toBe(false);
    expect(ExerciseStartPayload.safeParse({ spaceId, kind: 'tarot' }).success).toBe(false);
    expect(ExerciseStartPayload.safeParse({ spaceId: { $gt: '' }, kind: 'checkin' }).success).toBe(false);
  });

  it('refuses unknown fields on the action envelope', () => {
    expect(ExerciseActionPayload.safeParse({ sessionId: spaceId, type: 'pause', extra: 1 }).success).toBe(false);
  });

  it('checks payloads per kind: confirm means different things in two exercises', () => {
    expect(parseActionPayload('speaker_listener', 'confirm', { accurate: false, correction: 'not quite' }).ok).toBe(true);
    expect(parseActionPayload('speaker_listener', 'confirm', { promiseId: 'p1' }).ok).toBe(false);
    expect(parseActionPayload('promise_review', 'confirm', { promiseId: 'p1' }).ok).toBe(true);
    expect(parseActionPayload('checkin', 'draw', undefined).ok).toBe(false);
  });

  it('names the failing field', () => {
    const res = parseActionPayload('checkin', 'submit', { mood: 9, feelings: [], need: 'rest' });
    expect(res).toEqual({ ok: false, message: expect.stringContaining('payload.mood') });
  });
});
