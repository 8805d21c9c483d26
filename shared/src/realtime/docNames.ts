/**
 * The only Yjs documents Hearth serves, one per visibility level (see docs/realtime.md).
 * Ids are MongoDB ObjectIds in hex, so the names never contain anything else.
 */
export type DocKind = 'space' | 'couple' | 'private' | 'notes';

export type ParsedDocName = { kind: 'space' | 'couple'; spaceId: string } | { kind: 'private' | 'notes'; spaceId: string; userId: string };

const ID = '[a-f0-9]{24}';
const SIMPLE = new RegExp(`^(space|couple):(${ID})$`);
// `notes:<spaceId>:<counsellorId>`: each counsellor has their own notes, like a private board.
const PER_USER = new RegExp(`^(private|notes):(${ID}):(${ID})$`);

export function parseDocName(name: string): ParsedDocName | null {
  const simple = SIMPLE.exec(name);
  if (simple) return { kind: simple[1] as 'space' | 'couple', spaceId: simple[2]! };
  const perUser = PER_USER.exec(name);
  if (perUser) return { kind: perUser[1] as 'private' | 'notes', spaceId: perUser[2]!, userId: perUser[3]! };
  return null;
}

export function docNameOf(doc: ParsedDocName): string {
  return doc.kind === 'private' || doc.kind === 'notes' ? `${doc.kind}:${doc.spaceId}:${doc.userId}` : `${doc.kind}:${doc.spaceId}`;
}
