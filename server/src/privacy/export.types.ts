import type { BoardItem } from '@hearth/shared/board';

/** The JSON export (docs/export.md). `formatVersion` changes only when a field changes meaning. */
export interface HearthExport {
  format: 'hearth-export';
  formatVersion: 1;
  exportedAt: string;
  exportedBy: { id: string; displayName: string; email: string; role: 'partner' | 'counsellor' };
  space: {
    id: string;
    name: string;
    createdAt: string;
    members: Array<{
      userId: string;
      displayName: string;
      role: 'partner' | 'counsellor';
      joinedAt: string;
      access?: string;
    }>;
  };
  boards: ExportBoard[];
  /** Counsellors only: their notes document. */
  notes: { document: string; text: string } | null;
  /** Partners only: exercise sessions of the space (counsellors: empty). */
  exercises: ExportExercise[];
  /**
   * The couple's journey settings from the "us + counsellor" document (time zone, partners who
   * keep their mood line from the counsellor); the Markdown export's Journey section uses them.
   */
  journeySettings?: { timeZone: string | null; hiddenMoods: string[] };
  /** Partners only: the counsellor-access audit log (counsellors: empty). */
  audit: Array<{ at: string; actorId: string; action: string; target: string }>;
}

export interface ExportBoard {
  /** The Yjs document, e.g. `couple:<spaceId>`. */
  document: string;
  visibility: 'space' | 'couple' | 'private';
  schemaVersion: number | null;
  /** Valid items in board order, Y.Text as plain strings. */
  items: BoardItem[];
  /** Items that fail the board schema, exported raw so nothing the member can see is left out. */
  unreadable: Array<{ itemId: string | null; problem: string; raw: unknown }>;
}

export interface ExportExercise {
  id: string;
  kind: string;
  status: string;
  phase: string;
  participants: string[];
  startedBy: string;
  startedAt: string;
  endedAt: string | null;
  endedReason: string | null;
  data: unknown;
}
