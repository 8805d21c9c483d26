import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { SpaceMemberDto } from '@hearth/shared/api';
import type { BoardActor, Visibility } from '@hearth/shared/board';
import type { BoardPresenceSection } from '@hearth/shared/realtime';
import type { PresenceUser } from '../../collab/docConnection';
import type { BoardEntry } from './boardStore';

/** What every part of the board needs: who is acting, where items live, and how to act. */
export interface BoardContextValue {
  me: PresenceUser;
  actor: BoardActor;
  /** A counsellor, or a connection the server made read-only. */
  readOnly: boolean;
  members: readonly SpaceMemberDto[];
  partnerId: string | null;
  nameOf(userId: string): string;
  docFor(visibility: Visibility): Y.Doc | null;
  /** Runs a board operation; a rule it breaks is shown to the person instead of thrown. */
  run(action: () => void): boolean;
  /** Presence of every open document, for "X is editing" on a card. */
  awarenesses: readonly Awareness[];
  setEditing(entry: BoardEntry, editing: boolean): void;
  /** Which board section this person is on (shared as presence; never an item id). */
  reportWhere(section: BoardPresenceSection): void;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard must be used inside <Board>');
  return value;
}

export const VISIBILITY_LABEL: Record<Visibility, string> = {
  private: 'Only me',
  couple: 'Us',
  space: 'Us + counsellor',
};
