import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useAuth } from '../../app/AuthProvider';
import { Link, navigate } from '../../app/router';
import { api } from '../../lib/api';
import { useSpaceDocs } from '../../collab/useSpaceDocs';
import { useDocStatus } from '../../collab/useDocStatus';
import { usePeers } from '../../collab/useAwareness';
import { closedMessage } from '../../collab/docStatus';
import type { DocConnection, PresenceUser } from '../../collab/docConnection';
import type { PresencePerson } from '@hearth/shared/socket';
import { refreshSpaces } from '../spaces/spacesStore';
import { WhoIsHere } from '../presence/WhoIsHere';
import { useSpacePresence } from '../presence/useSpacePresence';
import { Board } from '../board/Board';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { useSpace } from './useSpace';
import { ConnectionBadge } from './ConnectionBadge';
import { InvitePanel } from './InvitePanel';
import { MembersPanel } from './MembersPanel';
import { KeepCopyToggle } from './KeepCopyToggle';
import { UndoControls } from './UndoControls';
import { CounsellorNotesSlot, ExerciseSlot, PrivacySlot } from './SpaceSlots';

export function SpacePage({ spaceId }: { spaceId: string }) {
  const { user } = useAuth();
  const { space, error, refresh } = useSpace(spaceId);
  const member = space?.members.find((m) => m.userId === user?.id) ?? null;
  const isPartner = member?.role === 'partner';
  // A counsellor opens nothing until both partners have consented (the server would refuse).
  const canOpen = member !== null && (isPartner || member.access === 'active');
  const me = useMemo<PresenceUser | null>(
    () => (user && member && canOpen ? { id: user.id, name: user.displayName, role: member.role } : null),
    [user, member, canOpen],
  );
  const docs = useSpaceDocs(spaceId, me);
  const presence = useSpacePresence(spaceId, member !== null, () => void refresh());

  if (error && !space) {
    return (
      <main id="main" className="page narrow">
        <h1>Space not available</h1>
        <p>This space does not exist, or it is no longer shared with you.</p>
        <Link to="/">Back to your spaces</Link>
      </main>
    );
  }
  if (!space || !user || !member) {
    return (
      <main id="main" className="page" aria-busy="true">
        <p className="muted">Opening your space…</p>
      </main>
    );
  }

  const partners = space.members.filter((m) => m.role === 'partner');

  async function leave() {
    if (!window.confirm('Leave this space? You will lose access to its board.')) return;
    await api.leaveSpace(spaceId);
    await refreshSpaces();
    navigate('/', { replace: true });
  }

  return (
    <main id="main" className="page">
      <div className="space-head">
        <h1>{space.name}</h1>
        {docs && <SpaceStatus docs={docs.all} readOnly={!isPartner} />}
      </div>
      {!canOpen && (
        <p className="notice" role="status" data-testid="access-notice">
          {member.access === 'withdrawn'
            ? 'A partner withdrew consent, so this board is no longer shared with you.'
            : member.access === 'expired'
              ? 'Your access to this space has expired.'
              : 'Both partners need to consent before you can see their shared items. You will see the board here as soon as they do.'}
        </p>
      )}
      {docs && me && (
        <>
          <div className="toolbar">
            <Presence docs={docs.all} people={presence.people} />
            <span style={{ flex: 1 }} />
            {isPartner && <UndoControls history={docs.history} />}
            <KeepCopyToggle userId={user.id} connections={docs.all} />
          </div>
          <div className="space-layout">
            <div className="space-main">
              <ClosedNotice docs={docs.all} onClosed={() => void refresh()}>
                <ErrorBoundary what="the board">
                  <Board docs={docs} me={me} space={space} onWhere={presence.reportWhere} />
                </ErrorBoundary>
              </ClosedNotice>
            </div>
            <aside className="space-side" aria-label="Space details">
              <ErrorBoundary what="the exercise panel">
                <ExerciseSlot space={space} me={me} docs={docs} />
              </ErrorBoundary>
              <ErrorBoundary what="the counsellor notes">
                <CounsellorNotesSlot space={space} me={me} docs={docs} />
              </ErrorBoundary>
              <MembersPanel space={space} myId={user.id} />
              {isPartner && <InvitePanel spaceId={space.id} hasPartner={partners.length >= 2} />}
              <ErrorBoundary what="the privacy settings">
                <PrivacySlot
                  space={space}
                  me={me}
                  docs={docs}
                  onChanged={() => void refresh()}
                  onDeleted={() => {
                    void refreshSpaces();
                    navigate('/', { replace: true });
                  }}
                />
              </ErrorBoundary>
              <button type="button" className="button small quiet danger" onClick={leave}>
                Leave this space
              </button>
            </aside>
          </div>
        </>
      )}
    </main>
  );
}

function SpaceStatus({ docs, readOnly }: { docs: SpaceDocsList; readOnly: boolean }) {
  const status = useDocStatus(docs);
  return <ConnectionBadge status={status} readOnly={readOnly} />;
}

function Presence({ docs, people }: { docs: SpaceDocsList; people: readonly PresencePerson[] }) {
  const awarenesses = useMemo(() => docs.map((d) => d.provider.awareness), [docs]);
  const peers = usePeers(awarenesses);
  return <WhoIsHere peers={peers} people={people} />;
}

/**
 * After a final close (access revoked, session ended) the board is hidden, not left showing
 * stale content the person may no longer see; the space is reloaded to show why.
 */
function ClosedNotice({ docs, onClosed, children }: { docs: SpaceDocsList; onClosed(): void; children: ReactNode }) {
  const status = useDocStatus(docs);
  const closedCode = status.closed?.code ?? null;
  const onClosedRef = useRef(onClosed);
  onClosedRef.current = onClosed;
  useEffect(() => {
    if (closedCode !== null) onClosedRef.current();
  }, [closedCode]);
  if (closedCode !== null) {
    return (
      <p className="notice" role="alert" data-testid="closed-notice">
        {closedMessage(closedCode)}
      </p>
    );
  }
  return (
    <>
      {status.refused === 'document-too-large' && (
        <p className="notice" role="alert">
          This board has reached its size limit; your latest change was not saved. Archive or delete some items.
        </p>
      )}
      {children}
    </>
  );
}

type SpaceDocsList = readonly DocConnection[];
