import { useEffect, useId, useState } from 'react';
import type { SpaceDto } from '@hearth/shared/api';
import type { DepartureChoice } from '@hearth/shared/board';
import { useAuth } from '../../app/AuthProvider';
import { Link, navigate } from '../../app/router';
import { spacePath } from '../../app/routes';
import { clearSpaceCopies } from '../../collab/offlineCopy';
import { api } from '../../lib/api';
import { ApiError } from '../../lib/http';
import { accountApi } from '../account/accountApi';
import { refreshSpaces } from '../spaces/spacesStore';

const CHOICES: Array<{ value: DepartureChoice; title: string; detail: string }> = [
  { value: 'delete', title: 'Delete it', detail: 'Your cards, check-ins, appreciations and comments disappear from the shared boards.' },
  {
    value: 'anonymise',
    title: 'Keep it, without my name',
    detail: 'Your words stay; they show “Former member” and are no longer linked to your account. Your check-ins are deleted.',
  },
  { value: 'keep', title: 'Keep it as it is', detail: 'Everything stays; it shows “Former member” once you have left.' },
];

/** Leave safely: a private flow — copy your data, decide about shared items, then leave. */
export function LeaveSafelyPage({ spaceId }: { spaceId: string }) {
  const id = useId();
  const { user } = useAuth();
  const [space, setSpace] = useState<SpaceDto | null>(null);
  const [missing, setMissing] = useState(false);
  const [copied, setCopied] = useState(false);
  const [choice, setChoice] = useState<DepartureChoice>('delete');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState<string | null>(null);

  useEffect(() => {
    api.getSpace(spaceId).then(
      ({ space: s }) => setSpace(s),
      () => setMissing(true),
    );
  }, [spaceId]);

  if (left) {
    return (
      <main id="main" className="page medium">
        <h1>You have left {left}</h1>
        <p className="lede">Your “Only me” items and this device’s copy of the space are gone.</p>
        <Link to="/" className="button primary">
          Back to your spaces
        </Link>
      </main>
    );
  }
  if (missing) {
    return (
      <main id="main" className="page narrow">
        <h1>Space not available</h1>
        <p>You are no longer a member of this space.</p>
        <Link to="/">Back to your spaces</Link>
      </main>
    );
  }
  if (!space || !user) {
    return (
      <main id="main" className="page" aria-busy="true">
        <p className="muted">Opening…</p>
      </main>
    );
  }
  const partner = space.members.find((m) => m.role === 'partner' && m.userId !== user.id)?.displayName ?? 'Your partner';
  const exportUrl = (format: 'json' | 'md') => `/api/spaces/${encodeURIComponent(spaceId)}/export?format=${format}`;

  async function leave() {
    setBusy(true);
    setError(null);
    try {
      await accountApi.leaveSafely(spaceId, choice);
      await clearSpaceCopies(spaceId);
      await refreshSpaces();
      setLeft(space!.name);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Leaving did not work. Nothing was changed; try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="page medium">
      <p className="breadcrumb">
        <Link to={spacePath(spaceId)}>← Back to {space.name}</Link>
      </p>
      <h1>Leave {space.name} safely</h1>
      <p className="lede">Nobody is told you are on this page. Nothing happens until you press the last button.</p>

      <section className="card-surface safety-section step" aria-labelledby={`${id}-s1`}>
        <h2 id={`${id}-s1`}>
          <span className="step-number">1</span> Keep a copy of your data
        </h2>
        <p>Everything you can see in this space, including your “Only me” items, which are erased when you leave.</p>
        <div className="row">
          <a className="button" href={exportUrl('json')} download onClick={() => setCopied(true)}>
            Download my data (JSON)
          </a>
          <a className="button quiet" href={exportUrl('md')} download onClick={() => setCopied(true)}>
            Readable summary (Markdown)
          </a>
        </div>
        <div className="check-row">
          <input id={`${id}-nocopy`} type="checkbox" checked={copied} onChange={(e) => setCopied(e.target.checked)} />
          <label htmlFor={`${id}-nocopy`}>I have my copy, or I do not need one</label>
        </div>
      </section>

      <fieldset className="card-surface safety-section step">
        <legend>
          <span className="step-number">2</span> What you wrote on the shared boards
        </legend>
        {CHOICES.map((c) => (
          <div className="choice" key={c.value}>
            <input
              id={`${id}-${c.value}`}
              type="radio"
              name={`${id}-choice`}
              value={c.value}
              checked={choice === c.value}
              onChange={() => setChoice(c.value)}
            />
            <label htmlFor={`${id}-${c.value}`}>
              <strong>{c.title}</strong>
              <span className="muted small-print">{c.detail}</span>
            </label>
          </div>
        ))}
      </fieldset>

      <section className="card-surface safety-section step" aria-labelledby={`${id}-s3`}>
        <h2 id={`${id}-s3`}>
          <span className="step-number">3</span> What {partner} will notice
        </h2>
        <ul className="facts-list" data-testid="partner-notices">
          <li>You are no longer in the list of members. They get no message, email or notification.</li>
          {choice === 'delete' && <li>The things you wrote disappear from their board, so they may notice them missing.</li>}
          {choice !== 'delete' && <li>The things you wrote show “Former member” as their author.</li>}
          <li>They never see your “Only me” items; those are erased now.</li>
          <li>If you were online, you disappear from “who is here”, as when you close the tab.</li>
        </ul>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="row">
          <button type="button" className="button primary danger-fill" disabled={!copied || busy} onClick={() => void leave()}>
            {busy ? 'Leaving…' : `Leave ${space.name} now`}
          </button>
          <button type="button" className="button quiet" onClick={() => navigate(spacePath(spaceId))}>
            Stay
          </button>
        </div>
        {!copied && <p className="muted small-print">First keep a copy of your data, or tick that you do not need one (step 1).</p>}
      </section>
    </main>
  );
}
