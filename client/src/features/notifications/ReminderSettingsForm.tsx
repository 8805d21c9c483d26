import { useEffect, useId, useState } from 'react';
import { isOneOf } from '@hearth/shared/guards';
import { REMINDER_KINDS, type ReminderKind, type ReminderSettings } from '@hearth/shared/reminders';
import { ApiError } from '../../lib/http';
import { fetchReminderSettings, saveReminderSettings } from './notificationsApi';
import './notifications.css';

const KIND_TEXT: Record<ReminderKind, { label: string; hint: string }> = {
  promiseDue: { label: 'A promise of mine is due', hint: 'On its day, if you have not marked it yet.' },
  confirmPeriod: { label: 'My partner marked a promise to me', hint: 'So you can confirm it.' },
  waitingOnMe: { label: 'Something has waited on me for two days', hint: 'A promise to accept, a card to acknowledge.' },
  weeklyReview: { label: 'Weekly promise review', hint: 'Sunday evening.' },
  dailyCheckin: { label: 'Daily check-in', hint: 'At the time you pick below.' },
};

/** The kinds in the order the form lists them. */
const KINDS = Object.keys(KIND_TEXT).filter((kind): kind is ReminderKind => isOneOf(REMINDER_KINDS, kind));

function timeZones(): string[] {
  // Older browsers lack Intl.supportedValuesOf; they offer UTC besides the zone already saved.
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
}

/** Each partner's own reminders: which kinds, when not, and how many a week at most. */
export function ReminderSettingsForm() {
  const id = useId();
  const [settings, setSettings] = useState<ReminderSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  useEffect(() => {
    fetchReminderSettings()
      .then(setSettings)
      .catch(() => setError('Could not load your reminder settings.'));
  }, []);

  async function change(next: ReminderSettings) {
    setSettings(next);
    setError(null);
    setSaved(false);
    try {
      setSettings(await saveReminderSettings(next));
      setSaved(true);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not save that. Try again.');
    }
  }

  async function toggleBrowser(on: boolean) {
    if (!settings) return;
    if (on && typeof Notification !== 'undefined' && Notification.permission !== 'granted') {
      const answer = await Notification.requestPermission();
      if (answer !== 'granted') {
        setError('Your browser did not allow notifications; reminders stay in Hearth.');
        return;
      }
    }
    await change({ ...settings, browserNotifications: on });
  }

  return (
    <section id="reminders" className="card-surface safety-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Reminders</h2>
      <p className="muted">
        Hearth nudges, it doesn't nag. Trust grows with time and space, not with questions, so you choose what reminds you, when it stays
        quiet, and how many reminders a week is enough. Your partner's settings are their own.
      </p>
      {!settings ? (
        !error && <p className="muted">Loading…</p>
      ) : (
        <>
          <fieldset className="reminder-kinds">
            <legend>Remind me when</legend>
            {KINDS.map((kind) => (
              <div className="check-row" key={kind}>
                <input
                  id={`${id}-${kind}`}
                  type="checkbox"
                  checked={settings.kinds[kind]}
                  onChange={(e) => void change({ ...settings, kinds: { ...settings.kinds, [kind]: e.target.checked } })}
                />
                <div>
                  <label htmlFor={`${id}-${kind}`}>{KIND_TEXT[kind].label}</label>
                  <p className="muted small-print">{KIND_TEXT[kind].hint}</p>
                </div>
              </div>
            ))}
          </fieldset>
          <div className="reminder-row">
            <div className="field">
              <label htmlFor={`${id}-checkin`}>Check-in time</label>
              <input
                id={`${id}-checkin`}
                type="time"
                value={settings.checkinTime}
                onChange={(e) => e.target.value && void change({ ...settings, checkinTime: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-cap`}>At most, per week</label>
              <input
                id={`${id}-cap`}
                type="number"
                min={0}
                max={50}
                value={settings.weeklyCap}
                onChange={(e) => {
                  const n = Number(e.target.value);
                  if (Number.isInteger(n) && n >= 0 && n <= 50) void change({ ...settings, weeklyCap: n });
                }}
              />
            </div>
          </div>
          <div className="check-row">
            <input
              id={`${id}-quiet`}
              type="checkbox"
              checked={settings.quietHours !== null}
              onChange={(e) => void change({ ...settings, quietHours: e.target.checked ? { from: '22:00', to: '08:00' } : null })}
            />
            <div>
              <label htmlFor={`${id}-quiet`}>Quiet hours</label>
              <p className="muted small-print">Nothing arrives in these hours; it waits until they end.</p>
            </div>
          </div>
          {settings.quietHours && (
            <div className="reminder-row">
              <div className="field">
                <label htmlFor={`${id}-from`}>From</label>
                <input
                  id={`${id}-from`}
                  type="time"
                  value={settings.quietHours.from}
                  onChange={(e) =>
                    e.target.value && void change({ ...settings, quietHours: { ...settings.quietHours!, from: e.target.value } })
                  }
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-to`}>Until</label>
                <input
                  id={`${id}-to`}
                  type="time"
                  value={settings.quietHours.to}
                  onChange={(e) =>
                    e.target.value && void change({ ...settings, quietHours: { ...settings.quietHours!, to: e.target.value } })
                  }
                />
              </div>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-tz`}>Time zone</label>
            <select id={`${id}-tz`} value={settings.timeZone} onChange={(e) => void change({ ...settings, timeZone: e.target.value })}>
              {[...new Set([settings.timeZone, ...timeZones()])].map((tz) => (
                <option key={tz} value={tz}>
                  {tz}
                </option>
              ))}
            </select>
            {deviceZone && deviceZone !== settings.timeZone && (
              <button type="button" className="button small quiet" onClick={() => void change({ ...settings, timeZone: deviceZone })}>
                Use this device's time zone ({deviceZone})
              </button>
            )}
          </div>
          <div className="check-row">
            <input
              id={`${id}-browser`}
              type="checkbox"
              checked={settings.browserNotifications}
              onChange={(e) => void toggleBrowser(e.target.checked)}
            />
            <div>
              <label htmlFor={`${id}-browser`}>Also show reminders as browser notifications</label>
              <p className="muted small-print">Only while a Hearth tab is open; nothing is sent through any other service.</p>
            </div>
          </div>
        </>
      )}
      <p role="status" className="muted small-print">
        {saved ? 'Saved.' : ''}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
