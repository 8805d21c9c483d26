import { useEffect, useState } from 'react';
import { docNameOf } from '@hearth/shared/realtime';
import { itemsOf } from '@hearth/shared/board';
import { DocConnection, type PresenceUser } from './docConnection';
import { UndoHistory } from './undoHistory';
import { isKeepCopyEnabled } from './offlineCopy';

/** The documents a member opens in a space, one per visibility level they may see. */
export interface SpaceDocs {
  /** `space:<id>` — us + counsellor (read-only for a counsellor). */
  space: DocConnection;
  /** `couple:<id>` — us only; null for a counsellor. */
  couple: DocConnection | null;
  /** `private:<id>:<me>` — only me; null for a counsellor. */
  mine: DocConnection | null;
  all: DocConnection[];
  history: UndoHistory;
}

function openSpaceDocs(spaceId: string, me: PresenceUser): SpaceDocs {
  const keepCopy = isKeepCopyEnabled(me.id);
  const open = (docName: string) => new DocConnection({ docName, user: me, keepCopy });
  const space = open(docNameOf({ kind: 'space', spaceId }));
  const isPartner = me.role === 'partner';
  const couple = isPartner ? open(docNameOf({ kind: 'couple', spaceId })) : null;
  const mine = isPartner ? open(docNameOf({ kind: 'private', spaceId, userId: me.id })) : null;
  const all = [space, couple, mine].filter((c): c is DocConnection => c !== null);
  const history = new UndoHistory();
  // A counsellor cannot write, so there is nothing of theirs to undo.
  if (isPartner) for (const c of all) history.track(c.doc, itemsOf(c.doc));
  return { space, couple, mine, all, history };
}

/**
 * Opens the space's documents for as long as the space page is shown, and closes them (and
 * their sockets and IndexedDB handles) when it goes away or the person's role changes.
 */
export function useSpaceDocs(spaceId: string, me: PresenceUser | null): SpaceDocs | null {
  const [docs, setDocs] = useState<SpaceDocs | null>(null);
  const userId = me?.id;
  const name = me?.name;
  const role = me?.role;
  useEffect(() => {
    if (!userId || !name || !role) return undefined;
    // User Timing marks let benchmarks see when the board starts to load (see boardPerf).
    performance.mark('hearth:docs-open');
    const opened = openSpaceDocs(spaceId, { id: userId, name, role });
    setDocs(opened);
    return () => {
      setDocs(null);
      opened.history.destroy();
      for (const c of opened.all) c.destroy();
    };
  }, [spaceId, userId, name, role]);
  return docs;
}
