import { useId, useState } from 'react';
import type { AccountSettingsPatch } from '@hearth/shared/api';
import { isOneOf } from '@hearth/shared/guards';
import { IDLE_LOCK_MINUTES } from '@hearth/shared/safety';
import { updateAccountSettings, useAccountSettings } from '../../lib/accountSettings';
import { ApiError } from '../../lib/http';

const IDLE_TEXT: Record<(typeof IDLE_LOCK_MINUTES)[number], string> = {
  0: 'Never',
  5: 'After 5 minutes',
  15: 'After 15 minutes',
  60: 'After 1 hour',
};

/** Appear offline, a neutral tab title and the idle lock: the same on every device. */
export function SafetySettingsForm() {
  const id = useId();
  const settings = useAccountSettings();
  const [error, setError] = useState<string | null>(null);

  async function change(patch: AccountSettingsPatch) {
    setError(null);
    try {
      await updateAccountSettings(patch);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not save that. Try again.');
    }
  }

  return (
    <section className="card-surface safety-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Privacy on this account</h2>
      <div className="check-row">
        <input
          id={`${id}-offline`}
          type="checkbox"
          checked={settings.appearOffline}
          onChange={(e) => void change({ appearOffline: e.target.checked })}
        />
        <div>
          <label htmlFor={`${id}-offline`}>Appear offline</label>
          <p className="muted small-print">
            Your partner and counsellor do not see when you are here, or which part of the board you are on.
          </p>
        </div>
      </div>
      <div className="check-row">
        <input
          id={`${id}-title-opt`}
          type="checkbox"
          checked={settings.neutralTitle}
          onChange={(e) => void change({ neutralTitle: e.target.checked })}
        />
        <div>
          <label htmlFor={`${id}-title-opt`}>Neutral tab title</label>
          <p className="muted small-print">The browser tab says “Notes” with a plain icon instead of Hearth.</p>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-idle`}>Sign out when I am away</label>
        <select
          id={`${id}-idle`}
          value={settings.idleLockMinutes}
          onChange={(e) => {
            const minutes = Number(e.target.value);
            if (isOneOf(IDLE_LOCK_MINUTES, minutes)) void change({ idleLockMinutes: minutes });
          }}
        >
          {IDLE_LOCK_MINUTES.map((m) => (
            <option key={m} value={m}>
              {IDLE_TEXT[m]}
            </option>
          ))}
        </select>
        <span className="hint">Without a click or a key press for that long, Hearth signs out this device and clears its copy.</span>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
