import { Suspense, lazy, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAuth } from '../../app/AuthProvider';
import { Link, navigate } from '../../app/router';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';
import { useSpaceDocs } from '../../collab/useSpaceDocs';
import { useDocStatus } from '../../collab/useDocStatus';
import { usePeers } from '../../collab/useAwareness';
import { closedMessage } from '../../collab/docStatus';
import type { DocConnection, PresenceUser } from '../../collab/docConnection';
import { refreshSpaces } from '../spaces/spacesStore';
import { clearSpaceCopies } from '../../collab/offlineCopy';
import { useAccountSettings } from '../../lib/accountSettings';
import { leavePath } from '../../app/routes';
import { WhoIsHere } from '../presence/WhoIsHere';
import { useShareAway } from '../presence/sectionState';
import { useSpaceRoom } from './useSpaceRoom';
import { Board } from '../board/Board';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { useSpace } from './useSpace';
import { ConnectionBadge } from './ConnectionBadge';
import { InvitePanel } from './InvitePanel';
import { MembersPanel } from './MembersPanel';
import { KeepCopyToggle } from './KeepCopyToggle';
import { UndoControls } from './UndoControls';
import { CounsellorNotesSlot, ExerciseSlot, PrivacySlot } from './SpaceSlots';
import { SpaceViewTabs } from '../journey';
import { SpaceBottomNav, type PhoneTab } from './SpaceBottomNav';
import { CounsellorAccessNotice } from '../livestatus/CounsellorAccessNotice';
import { SpaceUnavailable } from '../livestatus/SpaceUnavailable';
import { useFirstRunHidden } from '../firstrun';
import { useConfirm } from '../../lib/ConfirmDialog';
import { ActivityPanel } from '../activity/ActivityPanel';
import { HistoryButton } from '../history/HistoryButton';

// Charts load only when "Our journey" is opened, so the board stays as light as before.
const JourneyView = lazy(() => import('../journey/JourneyView'));

export function SpacePage({ spaceId, view = 'board' }: { spaceId: string; view?: 'board' | 'journey' }) {
  const { user } = useAuth();
  const { space, error, partner, refresh } = useSpace(spaceId);
  const member = space?.members.find((m) => m.userId === user?.id) ?? null;
  const isPartner = member?.role === 'partner';
  // A counsellor opens nothing until both partners have consented (the server would refuse).
  const canOpen = member !== null && (isPartner || member.access === 'active');
  const me = useMemo<PresenceUser | null>(
    () => (user && member && canOpen ? { id: user.id, name: user.displayName, role: member.role } : null),
    [user, member, canOpen],
  );
  const docs = useSpaceDocs(spaceId, me);
  useSpaceRoom(spaceId, member !== null, () => void refresh());
  const { appearOffline, neutralTitle } = useAccountSettings();
  const spaceName = space?.name ?? null;
  useEffect(() => {
    if (neutralTitle) return;
    const name = spaceName ?? 'Opening…';
    document.title = view === 'journey' ? `Our journey · ${name} · Hearth` : `${name} · Hearth`;
  }, [spaceName, view, neutralTitle]);
  useEffect(() => {
    for (const c of docs?.all ?? []) c.setAppearOffline(appearOffline);
  }, [docs, appearOffline]);
  // Access to this space ended (left elsewhere, removed, space deleted): its copy goes too.
  const lostAccess = error?.code === 'not_found';
  useEffect(() => {
    if (lostAccess) void clearSpaceCopies(spaceId);
  }, [lostAccess, spaceId]);
  const firstRunHidden = useFirstRunHidden(spaceId);
  const [confirmDialog, confirm] = useConfirm();
  // Which part of the page a phone shows (bottom navigation); wider screens show them all.
  const [tab, setTab] = useState<PhoneTab>('main');
  // Away from the board's sections (a phone tab, or the journey), presence says where instead.
  const awarenesses = useMemo(() => (docs?.all ?? []).map((d) => d.provider.awareness), [docs]);
  useShareAway(awarenesses, tab !== 'main' ? tab : view === 'journey' ? 'journey' : null);
  const [leaveError, setLeaveError] = useState<string | null>(null);

  if (error && !space) return <SpaceUnavailable error={error} />;
  if (!space || !user || !member) {
    return (
      <main id="main" className="page" aria-busy="true">
        <p className="muted">Opening your space…</p>
      </main>
    );
  }

  const partners = space.members.filter((m) => m.role === 'partner');

  // A counsellor leaves in one step; partners go through "Leave safely".
  async function leave() {
    const ok = await confirm({
      title: 'Leave this space?',
      body: <p>You will lose access to its board. To come back, someone in it has to invite you again.</p>,
      confirmLabel: 'Leave space',
      danger: true,
    });
    if (!ok) return;
    setLeaveError(null);
    try {
      await api.leaveSpace(spaceId);
    } catch (caught) {
      // Still a member: say why here rather than leave the click silently failed.
      setLeaveError(caught instanceof ApiError ? caught.message : 'Could not leave this space. Please try again.');
      return;
    }
    // Neither of these rejects: a failure to refresh shows in the spaces list itself.
    await clearSpaceCopies(spaceId);
    await refreshSpaces();
    navigate('/', { replace: true });
  }

  return (
    <main id="main" className={docs && me ? 'page has-bottom-nav' : 'page'} data-tab={tab} data-view={view}>
      <div className="space-head">
        <h1 dir="auto">{space.name}</h1>
        {docs && <SpaceStatus docs={docs.all} readOnly={!isPartner} />}
      </div>
      {!canOpen && <CounsellorAccessNotice space={space} myId={user.id} />}
      {docs && me && (
        <>
          <div className="toolbar">
            <Presence docs={docs.all} />
            <span style={{ flex: 1 }} />
            {isPartner && <UndoControls history={docs.history} />}
            {isPartner && <HistoryButton spaceId={space.id} />}
            {isPartner && <KeepCopyToggle userId={user.id} connections={[docs.space, ...(docs.couple ? [docs.couple] : [])]} />}
          </div>
          <div className="space-layout" data-tab={tab}>
            <div className="space-main">
              <ClosedNotice docs={docs.all} onClosed={() => void refresh()}>
                <SpaceViewTabs spaceId={space.id} view={view} isPartner={isPartner} />
                {view === 'journey' ? (
                  <ErrorBoundary what="the journey">
                    <Suspense
                      fallback={
                        <p className="muted" aria-busy="true">
                          Opening your journey…
                        </p>
                      }
                    >
                      <JourneyView docs={docs} me={me} space={space} />
                    </Suspense>
                  </ErrorBoundary>
                ) : (
                  <ErrorBoundary what="the board">
                    <Board docs={docs} me={me} space={space} />
                  </ErrorBoundary>
                )}
              </ClosedNotice>
            </div>
            <aside className="space-side" aria-label="Space details">
              <SideSection tab="main">
                <ErrorBoundary what="what's new">
                  <ActivityPanel spaceId={space.id} docs={docs} />
                </ErrorBoundary>
              </SideSection>
              <SideSection tab="together">
                <ErrorBoundary what="the exercise panel">
                  <ExerciseSlot space={space} me={me} docs={docs} />
                </ErrorBoundary>
                <ErrorBoundary what="the counsellor notes">
                  <CounsellorNotesSlot space={space} me={me} docs={docs} />
                </ErrorBoundary>
              </SideSection>
              <SideSection tab="people">
                <MembersPanel space={space} myId={user.id} />
                {/* While the first-run guide offers the partner's invitation, it is not offered twice. */}
                {isPartner && (
                  <InvitePanel
                    spaceId={space.id}
                    hasPartner={partners.length >= 2 || !firstRunHidden}
                    openInvites={partner?.openInvites ?? null}
                  />
                )}
                <ErrorBoundary what="the privacy settings">
                  <PrivacySlot
                    space={space}
                    live={partner}
                    me={me}
                    docs={docs}
                    onChanged={() => void refresh()}
                    onDeleted={() => {
                      void clearSpaceCopies(spaceId);
                      void refreshSpaces();
                      navigate('/', { replace: true });
                    }}
                  />
                </ErrorBoundary>
                {isPartner ? (
                  <Link to={leavePath(space.id)} className="button small quiet danger">
                    Leave this space safely…
                  </Link>
                ) : (
                  <>
                    <button type="button" className="button small quiet danger" onClick={() => void leave()}>
                      Leave this space
                    </button>
                    {leaveError && (
                      <p className="error-text" role="alert" data-testid="leave-error">
                        {leaveError}
                      </p>
                    )}
                  </>
                )}
              </SideSection>
            </aside>
          </div>
          {confirmDialog}
          <SpaceBottomNav spaceId={space.id} view={view} tab={tab} onTab={setTab} />
        </>
      )}
    </main>
  );
}

/** One part of the side panel; on a phone only the parts of the chosen tab show (layout.css). */
function SideSection({ tab, children }: { tab: PhoneTab; children: ReactNode }) {
  return (
    <div className="side-section" data-tab={tab}>
      {children}
    </div>
  );
}

function SpaceStatus({ docs, readOnly }: { docs: SpaceDocsList; readOnly: boolean }) {
  const status = useDocStatus(docs);
  return <ConnectionBadge status={status} readOnly={readOnly} />;
}

function Presence({ docs }: { docs: SpaceDocsList }) {
  const awarenesses = useMemo(() => docs.map((d) => d.provider.awareness), [docs]);
  const peers = usePeers(awarenesses);
  return <WhoIsHere peers={peers} />;
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
