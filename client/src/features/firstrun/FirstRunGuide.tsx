import type { SpaceDto } from '@hearth/shared/api';
import type { ItemKind } from '@hearth/shared/board';
import { InviteStep } from './InviteStep';
import { hideFirstRun } from './firstRunStore';
import './firstRun.css';

/**
 * The first minutes in a new space: it exists, the partner is invited, and a first small
 * step on the board (an appreciation, a small promise). Goes away once there is a partner and
 * something on the board, or when put away.
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
  const partner = space.members.find((m) => m.role === 'partner' && m.userId !== myId) ?? null;
  const waiting = partner ? null : 'Once your partner has joined.';

  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <div className="first-run-head">
        <h2 id="first-run-title">Make “{space.name}” yours</h2>
        <button type="button" className="button small quiet" onClick={() => hideFirstRun(space.id)}>
          Hide this guide
        </button>
      </div>
      <ol className="first-run-steps">
        <li className="done">
          <span className="step-mark" aria-hidden="true">
            ✓
          </span>
          <div>
            <h3>Create your space</h3>
            <p className="muted">Done — this board is yours.</p>
          </div>
        </li>
        <li className={partner ? 'done' : 'current'} aria-current={partner ? undefined : 'step'}>
          <span className="step-mark" aria-hidden="true">
            {partner ? '✓' : '2'}
          </span>
          <div>
            <h3>Invite your partner</h3>
            {partner ? (
              <p className="muted">{partner.displayName} has joined. You now share this board live.</p>
            ) : (
              <InviteStep spaceId={space.id} spaceName={space.name} myName={me?.displayName ?? 'Your partner'} />
            )}
          </div>
        </li>
        <li
          className={partner && !hasItems ? 'current' : hasItems ? 'done' : undefined}
          aria-current={partner && !hasItems ? 'step' : undefined}
        >
          <span className="step-mark" aria-hidden="true">
            {hasItems ? '✓' : '3'}
          </span>
          <div>
            <h3>A first small step</h3>
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
          </div>
        </li>
      </ol>
    </section>
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
