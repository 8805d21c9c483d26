import { isOneOf } from '../guards';

/**
 * The only Yjs documents Hearth serves, one per visibility level (see docs/realtime.md).
 * Ids are MongoDB ObjectIds in hex, so the names never contain anything else.
 */
export type DocKind = 'space' | 'couple' | 'private' | 'notes';

export type ParsedDocName = { kind: 'space' | 'couple'; spaceId: string } | { kind: 'private' | 'notes'; spaceId: string; userId: string };

const ID = '[a-f0-9]{24}';
const ID_ONLY = new RegExp(`^${ID}$`);
const SHARED_KINDS = ['space', 'couple'] as const;
// `notes:<spaceId>:<counsellorId>`: each counsellor has their own notes, like a private board.
const PER_USER_KINDS = ['private', 'notes'] as const;
const SIMPLE = new RegExp(`^(${SHARED_KINDS.join('|')}):(${ID})$`);
const PER_USER = new RegExp(`^(${PER_USER_KINDS.join('|')}):(${ID}):(${ID})$`);

function isSharedKind(kind: string): kind is (typeof SHARED_KINDS)[number] {
  return isOneOf(SHARED_KINDS, kind);
}

function isPerUserKind(kind: string): kind is (typeof PER_USER_KINDS)[number] {
  return isOneOf(PER_USER_KINDS, kind);
}

export function parseDocName(name: string): ParsedDocName | null {
  const simple = SIMPLE.exec(name);
  if (simple && isSharedKind(simple[1]!)) return { kind: simple[1], spaceId: simple[2]! };
  const perUser = PER_USER.exec(name);
  if (perUser && isPerUserKind(perUser[1]!)) return { kind: perUser[1], spaceId: perUser[2]!, userId: perUser[3]! };
  return null;
}

export function docNameOf(doc: ParsedDocName): string {
  return doc.kind === 'private' || doc.kind === 'notes' ? `${doc.kind}:${doc.spaceId}:${doc.userId}` : `${doc.kind}:${doc.spaceId}`;
}

/** Which stored documents to find: any of `kinds` (default all), of one space and/or one user. */
export interface DocNameQuery {
  kinds?: readonly DocKind[];
  spaceId?: string;
  userId?: string;
}

/**
 * A pattern for the stored document names that fit the query, written from the same grammar as
 * parseDocName. It also matches `notes:<spaceId>` (the shared notes document of older
 * versions, never served, still stored until erased) when notes of any user are asked for.
 */
export function docNamePattern(query: DocNameQuery = {}): RegExp {
  for (const id of [query.spaceId, query.userId]) {
    if (id !== undefined && !ID_ONLY.test(id)) throw new Error(`not a document id: '${id}'`);
  }
  const kinds = query.kinds ?? [...SHARED_KINDS, ...PER_USER_KINDS];
  const space = query.spaceId ?? ID;
  const user = query.userId ?? ID;
  const alternatives: string[] = [];
  const shared = kinds.filter(isSharedKind);
  if (shared.length > 0 && query.userId === undefined) alternatives.push(`^(${shared.join('|')}):${space}$`);
  const perUser = kinds.filter(isPerUserKind);
  if (perUser.length > 0) alternatives.push(`^(${perUser.join('|')}):${space}:${user}$`);
  if (kinds.includes('notes') && query.userId === undefined) alternatives.push(`^notes:${space}$`);
  // An empty query for kinds matches nothing rather than everything.
  return new RegExp(alternatives.length > 0 ? alternatives.join('|') : '(?!)');
}
