import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindYText, type TextFieldLike } from './yTextBinding';

/** A stand-in for an <input>: value plus selection, like the DOM keeps them. */
class FakeField implements TextFieldLike {
  value = '';
  selectionStart: number | null = 0;
  selectionEnd: number | null = 0;
  setSelectionRange(start: number, end: number) {
    this.selectionStart = start;
    this.selectionEnd = end;
  }
  /** Types `text` at the caret, as a browser would before firing `input`. */
  type(text: string) {
    const start = this.selectionStart ?? 0;
    const end = this.selectionEnd ?? start;
    this.value = this.value.slice(0, start) + text + this.value.slice(end);
    this.setSelectionRange(start + text.length, start + text.length);
  }
}

function connect(a: Y.Doc, b: Y.Doc) {
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
}

function setup(initial = '') {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  docA.getText('t').insert(0, initial);
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
  const fieldA = new FakeField();
  const fieldB = new FakeField();
  const bindingA = bindYText(docA.getText('t'), fieldA, () => true);
  const bindingB = bindYText(docB.getText('t'), fieldB, () => true);
  return { docA, docB, fieldA, fieldB, bindingA, bindingB };
}

describe('bindYText', () => {
  it('shows the current text and sends typing as a minimal change', () => {
    const { docA, fieldA, bindingA } = setup('walk');
    expect(fieldA.value).toBe('walk');
    const updates: Uint8Array[] = [];
    docA.on('update', (u: Uint8Array) => updates.push(u));
    fieldA.setSelectionRange(4, 4);
    fieldA.type('s');
    bindingA.handleInput();
    expect(docA.getText('t').toString()).toBe('walks');
    // One insert of one character, not a rewrite of the whole field.
    expect(docA.getText('t').toDelta()).toEqual([{ insert: 'walks' }]);
    expect(updates).toHaveLength(1);
  });

  it('keeps the caret where it was when the partner types before it', () => {
    const { docA, docB, fieldA, fieldB, bindingB } = setup('we cook');
    connect(docA, docB);
    fieldA.setSelectionRange(7, 7); // A's caret at the end
    fieldB.setSelectionRange(0, 0);
    fieldB.type('Sunday: ');
    bindingB.handleInput();
    expect(fieldA.value).toBe('Sunday: we cook');
    expect(fieldA.selectionStart).toBe(15);
    expect(fieldA.selectionEnd).toBe(15);
  });

  it('keeps a selection around the same words after a remote edit', () => {
    const { docA, docB, fieldA, fieldB, bindingB } = setup('call mum on friday');
    connect(docA, docB);
    fieldA.setSelectionRange(12, 18); // "friday"
    fieldB.setSelectionRange(0, 0);
    fieldB.type('we ');
    bindingB.handleInput();
    expect(fieldA.value.slice(fieldA.selectionStart!, fieldA.selectionEnd!)).toBe('friday');
  });

  it('merges concurrent typing into one field and both end with the same text', () => {
    const { docA, docB, fieldA, fieldB, bindingA, bindingB } = setup('');
    // Offline-style: both type before either sees the other, then sync.
    for (const ch of 'hello') {
      fieldA.type(ch);
      bindingA.handleInput();
    }
    for (const ch of 'world') {
      fieldB.type(ch);
      bindingB.handleInput();
    }
    connect(docA, docB);
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA), 'remote');
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB), 'remote');
    expect(fieldA.value).toBe(fieldB.value);
    expect(fieldA.value).toHaveLength(10);
    expect(fieldA.value).toContain('hello');
    expect(fieldA.value).toContain('world');
    // Each caret stays right after its own word, so the next keystroke continues it.
    expect(fieldA.value.slice(fieldA.selectionStart! - 5, fieldA.selectionStart!)).toBe('hello');
    expect(fieldB.value.slice(fieldB.selectionStart! - 5, fieldB.selectionStart!)).toBe('world');
  });

  it("interleaved live typing at the same spot keeps each person's word together", () => {
    const { docA, docB, fieldA, fieldB, bindingA, bindingB } = setup('');
    connect(docA, docB);
    const a = 'tea';
    const b = 'cake';
    for (let i = 0; i < 4; i++) {
      if (a[i]) {
        fieldA.type(a[i]!);
        bindingA.handleInput();
      }
      if (b[i]) {
        fieldB.type(b[i]!);
        bindingB.handleInput();
      }
    }
    expect(fieldA.value).toBe(fieldB.value);
    expect(fieldA.value === 'teacake' || fieldA.value === 'caketea').toBe(true);
  });

  it('stops following the Y.Text after destroy', () => {
    const { docA, fieldA, bindingA } = setup('keep');
    bindingA.destroy();
    docA.getText('t').insert(0, 'x');
    expect(fieldA.value).toBe('keep');
  });
});
