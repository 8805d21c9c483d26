import { useState } from 'react';
import { Link } from '../../app/router';
import { PasswordForm } from './PasswordForm';
import { SafetySettingsForm } from './SafetySettingsForm';
import { ReminderSettingsForm } from '../notifications/ReminderSettingsForm';
import { SessionsList } from './SessionsList';

/** The account safety centre (`/account`): devices, password, privacy settings. */
export function AccountPage() {
  // Changing the password signs other devices out: the list is reloaded to show it.
  const [generation, setGeneration] = useState(0);
  return (
    <main id="main" className="page medium">
      <h1>Account and safety</h1>
      <p className="lede">
        Only you see this page. Nothing you do here is announced to your partner or counsellor.{' '}
        <Link to="/safety">What your partner and counsellor can see</Link>
      </p>
      <SessionsList key={generation} />
      <PasswordForm onChanged={() => setGeneration((g) => g + 1)} />
      <SafetySettingsForm />
      <ReminderSettingsForm />
    </main>
  );
}
