import { useEffect, useState } from 'react';
import { ITEM_KINDS } from '@hearth/shared/board';
import type { Helpline } from '@hearth/shared/api';
import { useAuth } from '../../app/AuthProvider';
import { Link } from '../../app/router';
import { accountApi } from '../account/accountApi';
import { kindFacts, levelFacts } from './visibilityFacts';

const LEVEL_NAME = { private: 'Only me', couple: 'Us', space: 'Us + counsellor' } as const;
const KIND_NAME = {
  experience: 'Experience plans',
  promise: 'Promises',
  card: 'Needs & boundaries cards',
  checkin: 'Check-ins',
  appreciation: 'Appreciations',
} as const;

/** "What your partner and counsellor can see", from the real rules, and where to get help. */
export function SafetyPage() {
  const { user } = useAuth();
  const [helplines, setHelplines] = useState<Helpline[] | null>(null);
  useEffect(() => {
    accountApi.safety().then(
      (info) => setHelplines(info.helplines),
      () => setHelplines([]),
    );
  }, []);

  return (
    <main id="main" className="page medium">
      <h1>What your partner and counsellor can see</h1>
      <p className="lede">Hearth’s server enforces these rules; this page is generated from the same rules, not written separately.</p>

      <section className="card-surface safety-section" aria-labelledby="levels-title">
        <h2 id="levels-title">Who sees each item</h2>
        <div className="table-scroll">
          <table className="facts" data-testid="visibility-table">
            <thead>
              <tr>
                <th scope="col">When an item is…</th>
                <th scope="col">Your partner</th>
                <th scope="col">Your counsellor</th>
              </tr>
            </thead>
            <tbody>
              {levelFacts().map((f) => (
                <tr key={f.visibility}>
                  <th scope="row">
                    <span className={`vis-chip vis-${f.visibility}`}>{LEVEL_NAME[f.visibility]}</span>
                  </th>
                  <td>{f.partner}</td>
                  <td>{f.counsellor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul className="facts-list">
          {kindFacts(ITEM_KINDS).map((k) => (
            <li key={k.kind}>
              <strong>{KIND_NAME[k.kind]}</strong> start as “{LEVEL_NAME[k.startsAs]}”
              {k.kind === 'card' && ' (a trigger card as “Only me”)'}.{' '}
              {k.partnerCanRemove ? 'Either of you can archive or delete one' : 'Only you can archive or delete yours'};{' '}
              {k.partnerCanMove ? 'either of you can change who sees it.' : 'only whoever added one can change who sees it.'}
            </li>
          ))}
        </ul>
      </section>

      <section className="card-surface safety-section" aria-labelledby="also-title">
        <h2 id="also-title">What else they notice</h2>
        <ul className="facts-list">
          <li>
            <strong>Being online:</strong> your partner sees that you are here and which section you are on (never which item), unless you
            turn on “Appear offline”.
          </li>
          <li>
            <strong>Exercises:</strong> answers are shown to both of you only when both have answered; an answer never revealed is deleted
            when the exercise ends. A counsellor sees only exercises they watched, never check-ins.
          </li>
          <li>
            <strong>Counsellor access</strong> needs both partners’ consent; either of you can withdraw it at once, and every time a
            counsellor opens something it is written in a log both partners can read.
          </li>
          <li>
            <strong>Not shared:</strong> your account settings, your signed-in devices, “Only me” items and what you read. Hearth never
            shows when you read something.
          </li>
          <li>
            <strong>Leaving a space</strong> is seen by your partner as you no longer being a member — nothing else is announced.
          </li>
        </ul>
        {user && (
          <p>
            <Link to="/account">Account and safety settings</Link>
          </p>
        )}
      </section>

      <section className="card-surface safety-section" aria-labelledby="exit-title">
        <h2 id="exit-title">Leaving quickly</h2>
        <p>
          The <strong>Quick exit</strong> button at the top of every page, or <kbd>Esc</kbd> pressed twice, replaces Hearth with a weather
          page at once and takes Hearth out of this tab’s back button. Your browser’s history list may still show Hearth; a private window
          avoids that.
        </p>
      </section>

      <section className="card-surface safety-section" aria-labelledby="help-title">
        <h2 id="help-title">If you do not feel safe</h2>
        <p className="muted">Free and confidential. If you are in danger now, call your local emergency number.</p>
        {helplines === null ? (
          <p className="muted">Loading…</p>
        ) : (
          <ul className="helplines" data-testid="helplines">
            {helplines.map((h) => (
              <li key={`${h.region}-${h.name}`}>
                <strong>{h.name}</strong>
                <span className="muted"> · {h.region}</span>
                <br />
                {h.phone &&
                  (/^[+0-9 ()-]+$/.test(h.phone) ? (
                    <a href={`tel:${h.phone.replace(/[^0-9+]/g, '')}`}>{h.phone}</a>
                  ) : (
                    <span>{h.phone}</span>
                  ))}
                {h.phone && h.url && ' · '}
                {h.url && (
                  <a href={h.url} rel="noreferrer noopener" target="_blank">
                    {h.url.replace(/^https?:\/\/(www\.)?/, '')}
                  </a>
                )}
                {h.hours && <span className="muted"> · {h.hours}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
