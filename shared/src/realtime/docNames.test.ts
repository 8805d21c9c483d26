import { describe, expect, it } from 'vitest';
import { docNameOf, docNamePattern, parseDocName } from './docNames';

const space = 'a'.repeat(24);
const other = 'b'.repeat(24);
const user = 'c'.repeat(24);
const names = [
  `space:${space}`,
  `couple:${space}`,
  `private:${space}:${user}`,
  `notes:${space}:${user}`,
  `notes:${space}`,
  `space:${other}`,
  `private:${other}:${user}`,
  `private:${space}:${other}`,
];

describe('document names', () => {
  it('round-trips every served kind and refuses anything else', () => {
    for (const name of names.filter((n) => n !== `notes:${space}`)) expect(docNameOf(parseDocName(name)!)).toBe(name);
    expect(parseDocName(`notes:${space}`)).toBeNull();
    expect(parseDocName(`private:${space}`)).toBeNull();
    expect(parseDocName(`space:${space.toUpperCase()}`)).toBeNull();
    expect(parseDocName(`space:${space}:${user}`)).toBeNull();
  });

  it('finds every stored document of a space, including its older shared notes', () => {
    const pattern = docNamePattern({ spaceId: space });
    expect(names.filter((n) => pattern.test(n))).toEqual([
      `space:${space}`,
      `couple:${space}`,
      `private:${space}:${user}`,
      `notes:${space}:${user}`,
      `notes:${space}`,
      `private:${space}:${other}`,
    ]);
  });

  it("finds a user's private boards and notes in every space, and one exact document", () => {
    const mine = docNamePattern({ kinds: ['private', 'notes'], userId: user });
    expect(names.filter((n) => mine.test(n))).toEqual([`private:${space}:${user}`, `notes:${space}:${user}`, `private:${other}:${user}`]);
    const one = docNamePattern({ kinds: ['private'], spaceId: space, userId: user });
    expect(names.filter((n) => one.test(n))).toEqual([`private:${space}:${user}`]);
    const boards = docNamePattern({ kinds: ['space', 'couple', 'private'] });
    expect(names.filter((n) => boards.test(n))).not.toContain(`notes:${space}`);
  });

  it('refuses an id that is not an ObjectId, so a query never becomes a wider pattern', () => {
    expect(() => docNamePattern({ spaceId: '.*' })).toThrow(/not a document id/);
  });
});
