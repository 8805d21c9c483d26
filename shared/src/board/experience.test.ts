import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardRuleError } from './errors';
import { readItemOfKind } from './read/readBoard';
import { getReflectionText, getStepText } from './read/textAccess';
import { createExperience, setExperienceStatus, updateExperience } from './ops/experienceOps';
import { addStep, removeStep, updateStep } from './ops/experienceSteps';
import { writeReflection } from './ops/experienceReflections';
import { ALICE, BOB, CAROL, alice, at, bob } from '../../../test/helpers/boardActors';

describe('experience plans', () => {
  it('stores every detail of a plan', () => {
    const doc = new Y.Doc();
    const id = createExperience(
      doc,
      alice,
      {
        title: 'Hike the coastal path',
        category: 'travel',
        closeness: ['experiential', 'physical'],
        when: { type: 'range', start: '2025-05-01', end: '2025-05-03' },
        where: 'Cornwall',
        budget: { amount: 300, currency: 'EUR' },
        steps: [{ text: 'Book a B&B', assignee: BOB }],
      },
      at('2025-03-01T10:00:00Z'),
    );
    expect(readItemOfKind(doc, id, 'experience')).toMatchObject({
      title: 'Hike the coastal path',
      category: 'travel',
      closeness: ['experiential', 'physical'],
      when: { type: 'range', start: '2025-05-01', end: '2025-05-03' },
      where: 'Cornwall',
      budget: { amount: 300, currency: 'EUR' },
      status: 'idea',
      createdBy: ALICE,
      archived: false,
      createdAt: '2025-03-01T10:00:00.000Z',
      steps: [{ text: 'Book a B&B', assignee: BOB, done: false }],
    });
    expect(() => updateExperience(doc, bob, { itemId: id, when: { type: 'range', start: '2025-05-03', end: '2025-05-01' } })).toThrow(
      /the range must end after it starts/,
    );
    expect(() => updateExperience(doc, bob, { itemId: id, budget: { amount: -1, currency: 'EUR' } })).toThrow(/budget\.amount/);
  });

  it('moves through idea → planned → done and refuses skipping ahead', () => {
    const doc = new Y.Doc();
    const id = createExperience(doc, alice, { title: 'Sunday pancakes', category: 'everyday_ritual' });
    expect(() => setExperienceStatus(doc, bob, { itemId: id, status: 'done' })).toThrow(BoardRuleError);
    setExperienceStatus(doc, bob, { itemId: id, status: 'planned' }, at('2025-03-02T09:00:00Z'));
    setExperienceStatus(doc, alice, { itemId: id, status: 'done' }, at('2025-03-09T11:00:00Z'));
    const item = readItemOfKind(doc, id, 'experience');
    expect(item).toMatchObject({ status: 'done', doneAt: '2025-03-09T11:00:00.000Z', statusChangedAt: '2025-03-09T11:00:00.000Z' });
    expect(item.history.map((h) => h.action)).toEqual(['idea', 'planned', 'done']);
  });

  it('keeps a checklist: add, tick, assign, remove', () => {
    const doc = new Y.Doc();
    const id = createExperience(doc, alice, { title: 'Volunteer together' });
    const step = addStep(doc, bob, { itemId: id, text: 'Pick a shelter' });
    updateStep(doc, alice, { itemId: id, stepId: step, done: true, assignee: ALICE }, at('2025-03-03T12:00:00Z'));
    expect(readItemOfKind(doc, id, 'experience').steps[0]).toMatchObject({
      id: step,
      done: true,
      doneBy: ALICE,
      doneAt: '2025-03-03T12:00:00.000Z',
      assignee: ALICE,
    });
    expect(getStepText(doc, id, step)?.toString()).toBe('Pick a shelter');
    expect(() => updateStep(doc, alice, { itemId: id, stepId: step, assignee: CAROL })).toThrow(/assignee/);
    expect(() => removeStep(doc, alice, { itemId: id, stepId: 'missing' })).toThrow(/no step/);
    removeStep(doc, bob, { itemId: id, stepId: step });
    expect(readItemOfKind(doc, id, 'experience').steps).toEqual([]);
  });

  it('takes a reflection from each partner, only once done, each writing only their own', () => {
    const doc = new Y.Doc();
    const id = createExperience(doc, alice, { title: 'Cooking class', status: 'planned' });
    expect(() => writeReflection(doc, alice, { itemId: id, enjoyed: 'too early' })).toThrow(/once the experience is done/);
    setExperienceStatus(doc, alice, { itemId: id, status: 'done' });
    writeReflection(doc, alice, { itemId: id, enjoyed: 'Your laugh when the soufflé fell' });
    writeReflection(doc, bob, { itemId: id, learned: 'We are good at improvising' });
    expect(readItemOfKind(doc, id, 'experience').reflections).toMatchObject({
      [ALICE]: { enjoyed: 'Your laugh when the soufflé fell', learned: '' },
      [BOB]: { enjoyed: '', learned: 'We are good at improvising' },
    });
    expect(getReflectionText(doc, id, BOB, 'learned')?.toString()).toBe('We are good at improvising');
  });
});
