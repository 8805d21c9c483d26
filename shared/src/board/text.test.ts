import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setTextValue } from './text';

function textWith(value: string): Y.Text {
  const text = new Y.Doc().getText('t');
  text.insert(0, value);
  return text;
}

describe('setTextValue', () => {
  it('changes only the middle that differs', () => {
    const text = textWith('We cook on Fridays');
    const deltas: unknown[] = [];
    text.observe((event) => deltas.push(event.delta));
    setTextValue(text, 'We cook together on Fridays');
    expect(text.toString()).toBe('We cook together on Fridays');
    expect(deltas).toEqual([[{ retain: 8 }, { insert: 'together ' }]]);
  });

  it('never splits an emoji', () => {
    const text = textWith('Thanks 😀!');
    const deltas: unknown[] = [];
    text.observe((event) => deltas.push(event.delta));
    setTextValue(text, 'Thanks 😃!');
    expect(text.toString()).toBe('Thanks 😃!');
    // Both halves of the pair are replaced together, so a partner never sees half an emoji.
    expect(deltas).toEqual([
      [{ retain: 7 }, { delete: 2 }],
      [{ retain: 7 }, { insert: '😃' }],
    ]);
    setTextValue(text, '');
    expect(text.toString()).toBe('');
  });
});
