import { useAuth } from './AuthProvider';
import { Link, navigate } from './router';
import type { Route } from './routes';
import { SpaceSwitcher } from '../features/spaces/SpaceSwitcher';
import { QuickExit } from '../features/safety/QuickExit';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { ActivityBadge } from '../features/activity/ActivityBadge';

export function AppHeader({ route }: { route: Route }) {
  const { user, logout } = useAuth();

  async function handleLogout() {
    await logout();
    navigate('/login', { replace: true });
  }

  return (
    <header className="app-header">
      <Link to="/" className="brand" aria-label="Hearth, your spaces">
        <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
          <path d="M16 28s-11-7-11-15a6 6 0 0 1 11-3 6 6 0 0 1 11 3c0 8-11 15-11 15z" fill="currentColor" />
        </svg>
        Hearth
      </Link>
      {user && <SpaceSwitcher currentSpaceId={route.name === 'space' ? route.spaceId : null} />}
      <span className="spacer" />
      {user ? (
        <>
          {route.name === 'space' && <ActivityBadge />}
          <NotificationBell />
          <Link to="/account" className="who">
            <span className="visually-hidden">Account and safety, signed in as </span>
            <strong>{user.displayName}</strong>
          </Link>
          <button type="button" className="button small" onClick={handleLogout}>
            Log out
          </button>
        </>
      ) : (
        route.name !== 'login' && (
          <Link to="/login" className="button small">
            Log in
          </Link>
        )
      )}
      <QuickExit />
    </header>
  );
}
