import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffText, setTextValue } from './text';

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

function apply(before: string, change: ReturnType<typeof diffText>): string {
  if (!change) return before;
  return before.slice(0, change.index) + change.insert + before.slice(change.index + change.remove);
}

describe('diffText', () => {
  it('finds a single typed character in the middle', () => {
    expect(diffText('hello world', 'hello, world', 6)).toEqual({ index: 5, remove: 0, insert: ',' });
  });

  it('uses the caret to place an ambiguous insertion where it was typed', () => {
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
  });

  it('describes a replaced word as one delete plus one insert, sparing shared letters', () => {
    const change = diffText('we walk on sunday', 'we cook on sunday', 7);
    expect(change).toEqual({ index: 3, remove: 3, insert: 'coo' });
    expect(apply('we walk on sunday', change)).toBe('we cook on sunday');
  });

  it('handles deletions, clearing and no-ops', () => {
    expect(diffText('abc', 'ac', 1)).toEqual({ index: 1, remove: 1, insert: '' });
    expect(diffText('abc', '', 0)).toEqual({ index: 0, remove: 3, insert: '' });
    expect(diffText('same', 'same', 2)).toBeNull();
  });

  it('never splits an emoji', () => {
    const before = 'hi 😀';
    const after = 'hi 😃';
    const change = diffText(before, after, after.length);
    expect(change?.insert).toBe('😃');
    expect(apply(before, change)).toBe(after);
  });

  it('removes a deleted emoji next to another one without touching its neighbour', () => {
    expect(diffText('😀b😃😀', '😀b😀', 3)).toEqual({ index: 3, remove: 2, insert: '' });
    expect(diffText('a😃b😀a', 'a😀😃b😀a', 3)).toEqual({ index: 1, remove: 0, insert: '😀' });
  });

  it('round-trips random edits', () => {
    const alphabet = 'ab c';
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 500; i++) {
      const before = Array.from({ length: Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * 4)]).join('');
      const at = Math.floor(random() * (before.length + 1));
      const cut = Math.floor(random() * (before.length - at + 1));
      const typed = Array.from({ length: Math.floor(random() * 3) }, () => alphabet[Math.floor(random() * 4)]).join('');
      const after = before.slice(0, at) + typed + before.slice(at + cut);
      expect(apply(before, diffText(before, after, at + typed.length))).toBe(after);
    }
  });
});
