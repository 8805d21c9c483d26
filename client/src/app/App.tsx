import { Suspense, lazy, useCallback, useEffect } from 'react';
import { useAuth } from './AuthProvider';
import { currentPath, navigate, useRoute } from './router';
import { loginPath, type Route } from './routes';
import { AppHeader } from './AppHeader';
import { LoginPage } from '../features/auth/LoginPage';
import { SignupPage } from '../features/auth/SignupPage';
import { SpacesPage } from '../features/spaces/SpacesPage';
import { InvitePage } from '../features/invites/InvitePage';
import { AccountPage } from '../features/account/AccountPage';
import { SignInNotice } from '../features/account/SignInNotice';
import { useIdleLock } from '../features/account/useIdleLock';
import { QuickExit } from '../features/safety/QuickExit';
import { loadSafetyInfo } from '../features/safety/safetyInfo';
import { useTabDisguise } from '../features/safety/useTabDisguise';
import { useAccountSettings } from '../lib/accountSettings';
import { LiveNotices } from '../features/livestatus/LiveNotices';
import { LandingPage } from '../features/landing/LandingPage';

// The board (Yjs, providers, the board model) loads only when a space is opened, so the
// log-in page stays small.
let spacePageModule: Promise<{ default: typeof import('../features/space/SpacePage').SpacePage }> | null = null;
function loadSpacePage() {
  spacePageModule ??= import('../features/space/SpacePage').then((m) => ({ default: m.SpacePage }));
  return spacePageModule;
}
const SpacePage = lazy(loadSpacePage);
// These read the board rules (and so Yjs): loaded on demand too.
const SafetyPage = lazy(() => import('../features/safety/SafetyPage').then((m) => ({ default: m.SafetyPage })));
const LeaveSafelyPage = lazy(() => import('../features/leave/LeaveSafelyPage').then((m) => ({ default: m.LeaveSafelyPage })));
// Opening a space by its URL: fetch the board code while /api/me is still in flight.
if (window.location.pathname.startsWith('/spaces/')) void loadSpacePage();

const PUBLIC_ROUTES: ReadonlySet<Route['name']> = new Set(['login', 'signup', 'invite', 'not_found', 'safety']);

export function App() {
  const { user, logout } = useAuth();
  const route = useRoute();
  const settings = useAccountSettings();
  // A visitor at `/` sees the landing page; every other private page asks them to log in.
  const needsLogin = user === null && !PUBLIC_ROUTES.has(route.name) && route.name !== 'home';

  useEffect(() => {
    if (needsLogin) navigate(loginPath(currentPath()), { replace: true });
  }, [needsLogin]);

  // A space's page names itself (with the space's name) once it knows it.
  useTabDisguise(user ? settings.neutralTitle : false, route.name === 'space' ? null : titleOf(route, Boolean(user)));
  const lock = useCallback(() => {
    void logout().then(() => navigate('/login', { replace: true }));
  }, [logout]);
  useIdleLock(user ? settings.idleLockMinutes : 0, lock);

  useEffect(() => {
    void loadSafetyInfo();
  }, []);

  if (user === undefined) {
    return (
      <main className="page narrow" aria-busy="true">
        <QuickExit />
        <p className="muted">Opening Hearth…</p>
      </main>
    );
  }
  if (needsLogin) return null;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader route={route} />
      {user && <SignInNotice />}
      <Page route={route} loggedIn={Boolean(user)} />
      {user && <LiveNotices currentSpaceId={route.name === 'space' ? route.spaceId : null} />}
    </>
  );
}

function Page({ route, loggedIn }: { route: Route; loggedIn: boolean }) {
  switch (route.name) {
    case 'login':
      return <LoginPage next={route.next} />;
    case 'signup':
      return <SignupPage next={route.next} />;
    case 'home':
      return loggedIn ? <SpacesPage /> : <LandingPage />;
    case 'space':
      return (
        <Suspense
          fallback={
            <main id="main" className="page" aria-busy="true">
              <p className="muted">Opening your space…</p>
            </main>
          }
        >
          <SpacePage key={route.spaceId} spaceId={route.spaceId} view={route.view ?? 'board'} />
        </Suspense>
      );
    case 'invite':
      return <InvitePage token={route.token} />;
    case 'account':
      return <AccountPage />;
    case 'safety':
      return (
        <Suspense fallback={<Loading />}>
          <SafetyPage />
        </Suspense>
      );
    case 'leave':
      return (
        <Suspense fallback={<Loading />}>
          <LeaveSafelyPage spaceId={route.spaceId} />
        </Suspense>
      );
    case 'not_found':
      return (
        <main id="main" className="page narrow">
          <h1>Page not found</h1>
          <p>
            This address does not lead anywhere in Hearth. <a href="/">Go to your spaces</a>.
          </p>
        </main>
      );
  }
}

function Loading() {
  return (
    <main id="main" className="page" aria-busy="true">
      <p className="muted">Opening…</p>
    </main>
  );
}

function titleOf(route: Route, loggedIn: boolean): string {
  switch (route.name) {
    case 'home':
      return loggedIn ? 'Your spaces · Hearth' : 'Hearth · a shared space for couples';
    case 'not_found':
      return 'Page not found · Hearth';
    case 'login':
      return 'Log in · Hearth';
    case 'signup':
      return 'Sign up · Hearth';
    case 'invite':
      return 'Invitation · Hearth';
    case 'account':
      return 'Account and safety · Hearth';
    case 'safety':
      return 'What others can see · Hearth';
    case 'leave':
      return 'Leave safely · Hearth';
    default:
      return 'Hearth';
  }
}
