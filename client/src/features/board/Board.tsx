import { useCallback, useMemo, useState } from 'react';
import type { SpaceDto } from '@hearth/shared/api';
import { BoardDataError, BoardRuleError, type BoardActor, type Visibility } from '@hearth/shared/board';
import type { SpaceDocs } from '../../collab/useSpaceDocs';
import type { PresenceUser } from '../../collab/docConnection';
import { useDocStatus } from '../../collab/useDocStatus';
import { BoardContext, type BoardContextValue } from './boardContext';
import { useBoardEntries } from './useBoardEntries';
import type { BoardEntry } from './boardStore';
import { DEFAULT_FILTER, type BoardFilter } from './boardFilters';
import { BoardFilters } from './BoardFilters';
import { BoardSections, type OpenRequest } from './BoardSections';
import { ToastProvider } from '../../lib/Toast';
import { FirstRunGuide, useFirstRunHidden } from '../firstrun';
import { refusalMessage } from '../../collab/refusalMessage';
import { shareSection } from '../presence/sectionState';

/** The live board: every item the person may see, from up to three documents, in sections. */
export function Board({ docs, me, space }: { docs: SpaceDocs; me: PresenceUser; space: SpaceDto }) {
  const entries = useBoardEntries(docs);
  const status = useDocStatus(docs.all);
  const awarenesses = useMemo(() => docs.all.map((c) => c.provider.awareness), [docs]);
  const [filter, setFilter] = useState<BoardFilter>(DEFAULT_FILTER);
  const [error, setError] = useState<string | null>(null);
  const [openRequest, setOpenRequest] = useState<OpenRequest | null>(null);
  const guideHidden = useFirstRunHidden(space.id);

  const partnerIds = useMemo(() => space.members.filter((m) => m.role === 'partner').map((m) => m.userId), [space.members]);
  const actor = useMemo<BoardActor>(() => ({ userId: me.id, partnerIds }), [me.id, partnerIds]);
  const readOnly = me.role !== 'partner' || status.closed !== null;

  const run = useCallback((action: () => void) => {
    try {
      action();
      setError(null);
      return true;
    } catch (caught) {
      if (caught instanceof BoardDataError) {
        // Stored data a newer or faulty client wrote; nothing was changed.
        setError(`This item could not be changed because its stored data is damaged (${caught.field}).`);
        return false;
      }
      if (!(caught instanceof BoardRuleError)) throw caught;
      setError(caught.message.charAt(0).toUpperCase() + caught.message.slice(1) + '.');
      return false;
    }
  }, []);

  const setEditing = useCallback(
    (entry: BoardEntry, editing: boolean) => {
      const connection = docs.all.find((c) => c.doc === entry.doc);
      connection?.provider.awareness.setLocalStateField('editing', editing ? entry.item.id : null);
    },
    [docs],
  );

  const value = useMemo<BoardContextValue>(() => {
    const names = new Map(space.members.map((m) => [m.userId, m.displayName]));
    const docFor = (visibility: Visibility) =>
      (visibility === 'space' ? docs.space : visibility === 'couple' ? docs.couple : docs.mine)?.doc ?? null;
    return {
      me,
      actor,
      readOnly,
      members: space.members,
      partnerId: partnerIds.find((id) => id !== me.id) ?? null,
      nameOf: (userId) => (userId === me.id ? 'You' : (names.get(userId) ?? 'Former member')),
      docFor,
      run,
      awarenesses,
      setEditing,
      reportWhere: (section) => shareSection(awarenesses, section),
    };
  }, [me, actor, readOnly, space.members, partnerIds, docs, run, awarenesses, setEditing]);

  const hasPartner = partnerIds.length >= 2;
  const showGuide = me.role === 'partner' && !guideHidden && status.loaded && (!hasPartner || entries.length === 0);

  return (
    <BoardContext.Provider value={value}>
      <ToastProvider>
        <div className="board">
          {showGuide && (
            <FirstRunGuide
              space={space}
              myId={me.id}
              hasItems={entries.length > 0}
              onSuggest={(kind) => setOpenRequest((r) => ({ kind, n: (r?.n ?? 0) + 1 }))}
            />
          )}
          {readOnly && me.role === 'counsellor' && (
            <p className="notice" role="note">
              You are viewing the items this couple chose to share with you. The board is read-only for counsellors.
            </p>
          )}
          {docs.refusal && (
            <p className="error-text" role="alert" data-testid="refusal-notice">
              {refusalMessage(
                docs.refusal.code,
                entries.find((e) => e.item.id === docs.refusal?.itemId)?.item ?? null,
                (userId) => space.members.find((m) => m.userId === userId)?.displayName ?? 'your partner',
              )}{' '}
              Your board shows what is saved.{' '}
              <button type="button" className="button small quiet" onClick={docs.dismissRefusal}>
                Dismiss
              </button>
            </p>
          )}
          {error && (
            <p className="error-text" role="alert">
              {error}{' '}
              <button type="button" className="button small quiet" onClick={() => setError(null)}>
                Dismiss
              </button>
            </p>
          )}
          <BoardFilters filter={filter} onChange={setFilter} showWho={me.role === 'partner'} />
          {!status.loaded && entries.length === 0 ? (
            <p className="muted" aria-busy="true">
              Loading the board…
            </p>
          ) : (
            <BoardSections entries={entries} filter={filter} openRequest={openRequest} />
          )}
        </div>
      </ToastProvider>
    </BoardContext.Provider>
  );
}
