/**
 * The only Yjs documents Hearth serves, one per visibility level (see docs/realtime.md).
 * Ids are MongoDB ObjectIds in hex, so the names never contain anything else.
 */
export type DocKind = 'space' | 'couple' | 'private' | 'notes';

export type ParsedDocName =
  | { kind: 'space' | 'couple' | 'notes'; spaceId: string }
  | { kind: 'private'; spaceId: string; userId: string };

const ID = '[a-f0-9]{24}';
const SIMPLE = new RegExp(`^(space|couple|notes):(${ID})$`);
const PRIVATE = new RegExp(`^private:(${ID}):(${ID})$`);

export function parseDocName(name: string): ParsedDocName | null {
  const simple = SIMPLE.exec(name);
  if (simple) return { kind: simple[1] as 'space' | 'couple' | 'notes', spaceId: simple[2]! };
  const priv = PRIVATE.exec(name);
  if (priv) return { kind: 'private', spaceId: priv[1]!, userId: priv[2]! };
  return null;
}

export function docNameOf(doc: ParsedDocName): string {
  return doc.kind === 'private' ? `private:${doc.spaceId}:${doc.userId}` : `${doc.kind}:${doc.spaceId}`;
}
