import type { ReactNode } from 'react';
import type { SpaceDto } from '@hearth/shared/api';
import type { ItemKind } from '@hearth/shared/board';
import { InviteStep } from './InviteStep';
import { hideFirstRun } from './firstRunStore';
import './firstRun.css';

/**
 * The first minutes in a new space. For the partner who made it: it exists, the partner is
 * invited, and a first small step on the board (an appreciation, a small promise). For the
 * partner who joined by invite: they are in, and the same first small step. Goes away once
 * there is a partner and something on the board, or when put away.
 */
export function FirstRunGuide({
  space,
  myId,
  hasItems,
  onSuggest,
}: {
  space: SpaceDto;
  myId: string;
  hasItems: boolean;
  onSuggest(kind: ItemKind): void;
}) {
  const me = space.members.find((m) => m.userId === myId);
  const partners = space.members.filter((m) => m.role === 'partner');
  const partner = partners.find((m) => m.userId !== myId) ?? null;
  // Partners are listed in the order they joined: the one who was here first invited the other.
  const joined = partner !== null && partners[0]?.userId === partner.userId;
  const waiting = partner ? null : 'Once your partner has joined.';
  const firstStep = hasItems ? 'done' : partner ? 'current' : 'todo';

  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <div className="first-run-head">
        <h2 id="first-run-title">{joined ? `Welcome to “${space.name}”` : `Make “${space.name}” yours`}</h2>
        <button type="button" className="button small quiet" onClick={() => hideFirstRun(space.id)}>
          Hide this guide
        </button>
      </div>
      <ol className="first-run-steps">
        {joined ? (
          <Step n={1} state="done" title={`You joined ${partner.displayName}’s space`}>
            <p className="muted">Done — you now share this board live.</p>
          </Step>
        ) : (
          <>
            <Step n={1} state="done" title="Create your space">
              <p className="muted">Done — this board is yours.</p>
            </Step>
            <Step n={2} state={partner ? 'done' : 'current'} title="Invite your partner">
              {partner ? (
                <p className="muted">{partner.displayName} has joined. You now share this board live.</p>
              ) : (
                <InviteStep spaceId={space.id} spaceName={space.name} myName={me?.displayName ?? 'Your partner'} />
              )}
            </Step>
          </>
        )}
        <Step n={joined ? 2 : 3} state={firstStep} title="A first small step">
          <p className="muted">
            {partner ? `Something small for ${partner.displayName} to find:` : 'While you wait, or once they are here:'}
          </p>
          <div className="row">
            <SuggestButton label="Write an appreciation" blockedBy={waiting} onClick={() => onSuggest('appreciation')} />
            <SuggestButton label="Make a small promise" blockedBy={waiting} onClick={() => onSuggest('promise')} />
            <SuggestButton label="Plan something together" blockedBy={null} onClick={() => onSuggest('experience')} />
          </div>
          {waiting && (
            <p className="muted small-print">An appreciation and a promise are for your partner, so they open once they have joined.</p>
          )}
        </Step>
      </ol>
    </section>
  );
}

function Step({ n, state, title, children }: { n: number; state: 'done' | 'current' | 'todo'; title: string; children: ReactNode }) {
  return (
    <li className={state === 'todo' ? undefined : state} aria-current={state === 'current' ? 'step' : undefined}>
      <span className="step-mark" aria-hidden="true">
        {state === 'done' ? '✓' : n}
      </span>
      <div>
        <h3>{title}</h3>
        {children}
      </div>
    </li>
  );
}

function SuggestButton({ label, blockedBy, onClick }: { label: string; blockedBy: string | null; onClick(): void }) {
  return (
    <button
      type="button"
      className="button"
      aria-disabled={blockedBy !== null}
      title={blockedBy ?? undefined}
      onClick={() => {
        if (!blockedBy) onClick();
      }}
    >
      {label}
    </button>
  );
}
