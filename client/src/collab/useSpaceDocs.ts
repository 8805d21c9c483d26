import { useCallback, useEffect, useMemo, useState } from 'react';
import { docNameOf } from '@hearth/shared/realtime';
import { itemsOf } from '@hearth/shared/board';
import { DocConnection, type DocConnectionOptions, type PresenceUser } from './docConnection';
import { UndoHistory } from './undoHistory';
import { isKeepCopyEnabled } from './offlineCopy';
import type { RefusalNotice } from './refusalMessage';
import { getAccountSettings } from '../lib/accountSettings';

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
  /** The last edit the server refused (the document was rolled back), until dismissed. */
  refusal: RefusalNotice | null;
  dismissRefusal(): void;
}

type Slot = 'space' | 'couple' | 'mine';
type OpenDocs = Omit<SpaceDocs, 'refusal' | 'dismissRefusal'>;

/** Never a device copy for a counsellor, nor of anyone's "only me" board. */
function keepsCopy(me: PresenceUser, slot: Slot): boolean {
  return me.role === 'partner' && slot !== 'mine' && isKeepCopyEnabled(me.id);
}

function openSpaceDocs(spaceId: string, me: PresenceUser, onRefused: (slot: Slot) => DocConnectionOptions['onRefused']): OpenDocs {
  const appearOffline = getAccountSettings().appearOffline;
  const open = (docName: string, slot: Slot) =>
    new DocConnection({ docName, user: me, keepCopy: keepsCopy(me, slot), appearOffline, onRefused: onRefused(slot) });
  const space = open(docNameOf({ kind: 'space', spaceId }), 'space');
  const isPartner = me.role === 'partner';
  const couple = isPartner ? open(docNameOf({ kind: 'couple', spaceId }), 'couple') : null;
  const mine = isPartner ? open(docNameOf({ kind: 'private', spaceId, userId: me.id }), 'mine') : null;
  const all = [space, couple, mine].filter((c): c is DocConnection => c !== null);
  return { space, couple, mine, all, history: new UndoHistory() };
}

/**
 * Opens the space's documents for as long as the space page is shown, and closes them (and
 * their sockets and IndexedDB handles) when it goes away or the person's role changes. When
 * the server refuses an edit, that document is replaced by a fresh one synced from the
 * server (Yjs cannot take an edit back), and the refusal is kept to be shown.
 */
export function useSpaceDocs(spaceId: string, me: PresenceUser | null): SpaceDocs | null {
  const [docs, setDocs] = useState<OpenDocs | null>(null);
  const [refusal, setRefusal] = useState<RefusalNotice | null>(null);
  const userId = me?.id;
  const name = me?.name;
  const role = me?.role;
  useEffect(() => {
    if (!userId || !name || !role) return undefined;
    const user: PresenceUser = { id: userId, name, role };
    let current: OpenDocs | null = null;
    let closed = false;
    const untrack = new Map<DocConnection, () => void>();

    const onRefused =
      (slot: Slot): DocConnectionOptions['onRefused'] =>
      (refused) => {
        const old = current?.[slot];
        if (!current || !old) return;
        setRefusal({ ...refused, docName: old.name });
        void replace(slot, old);
      };
    const replace = async (slot: Slot, old: DocConnection) => {
      untrack.get(old)?.();
      old.destroy();
      // The device copy holds the refused edit too: it goes before the fresh document opens.
      await old.discardCopy().catch(() => undefined);
      if (closed || !current) return;
      const fresh = new DocConnection({
        docName: old.name,
        user,
        keepCopy: keepsCopy(user, slot),
        appearOffline: getAccountSettings().appearOffline,
        onRefused: onRefused(slot),
      });
      if (role === 'partner') untrack.set(fresh, trackUndo(current.history, fresh));
      current = { ...current, [slot]: fresh, all: current.all.map((c) => (c === old ? fresh : c)) };
      setDocs(current);
    };

    // User Timing marks let benchmarks see when the board starts to load (see boardPerf).
    performance.mark('hearth:docs-open');
    current = openSpaceDocs(spaceId, user, onRefused);
    // A counsellor cannot write, so there is nothing of theirs to undo.
    if (role === 'partner') for (const c of current.all) untrack.set(c, trackUndo(current.history, c));
    setDocs(current);
    setRefusal(null);
    return () => {
      closed = true;
      setDocs(null);
      current?.history.destroy();
      for (const c of current?.all ?? []) c.destroy();
      current = null;
    };
  }, [spaceId, userId, name, role]);
  const dismissRefusal = useCallback(() => setRefusal(null), []);
  return useMemo(() => docs && { ...docs, refusal, dismissRefusal }, [docs, refusal, dismissRefusal]);
}

/** Undo names other people's client ids from the document's live presence (awarenessRegistry). */
function trackUndo(history: UndoHistory, connection: DocConnection): () => void {
  return history.track(connection.doc, itemsOf(connection.doc));
}
