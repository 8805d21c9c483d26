import { useCallback, useEffect, useState } from 'react';
import type { SignInNoticeDto } from '@hearth/shared/api';
import { Link } from '../../app/router';
import { accountApi } from './accountApi';
import { formatWhen } from './when';

/**
 * A sign-in on another device, shown only to the account owner, until they dismiss it. Checked
 * when the app opens and whenever the tab regains focus.
 */
export function SignInNotice() {
  const [notices, setNotices] = useState<SignInNoticeDto[]>([]);
  const check = useCallback(() => {
    accountApi.signIns().then(
      ({ signIns }) => setNotices(signIns),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    check();
    window.addEventListener('focus', check);
    return () => window.removeEventListener('focus', check);
  }, [check]);

  if (notices.length === 0) return null;
  const latest = notices[0]!;
  return (
    <div className="signin-notice" role="status" data-testid="sign-in-notice">
      <p>
        <strong>New sign-in:</strong> {latest.device}, {formatWhen(latest.at)}
        {notices.length > 1 && ` (and ${notices.length - 1} more)`}. Not you? <Link to="/account">Check your devices</Link>
      </p>
      <button type="button" className="button small quiet" onClick={() => void accountApi.signInsSeen().then(() => setNotices([]))}>
        Dismiss
      </button>
    </div>
  );
}
