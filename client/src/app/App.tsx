import { Suspense, lazy, useEffect } from 'react';
import { useAuth } from './AuthProvider';
import { currentPath, navigate, useRoute } from './router';
import { loginPath, type Route } from './routes';
import { AppHeader } from './AppHeader';
import { LoginPage } from '../features/auth/LoginPage';
import { SignupPage } from '../features/auth/SignupPage';
import { SpacesPage } from '../features/spaces/SpacesPage';
import { InvitePage } from '../features/invites/InvitePage';
import { LandingPage } from '../features/landing/LandingPage';

// The board (Yjs, providers, the board model) loads only when a space is opened, so the
// log-in page stays small.
let spacePageModule: Promise<{ default: typeof import('../features/space/SpacePage').SpacePage }> | null = null;
function loadSpacePage() {
  spacePageModule ??= import('../features/space/SpacePage').then((m) => ({ default: m.SpacePage }));
  return spacePageModule;
}
const SpacePage = lazy(loadSpacePage);
// Opening a space by its URL: fetch the board code while /api/me is still in flight.
if (window.location.pathname.startsWith('/spaces/')) void loadSpacePage();

const PUBLIC_ROUTES: ReadonlySet<Route['name']> = new Set(['login', 'signup', 'invite', 'not_found']);

export function App() {
  const { user } = useAuth();
  const route = useRoute();
  // A visitor at `/` sees the landing page; every other private page asks them to log in.
  const needsLogin = user === null && !PUBLIC_ROUTES.has(route.name) && route.name !== 'home';

  useEffect(() => {
    if (needsLogin) navigate(loginPath(currentPath()), { replace: true });
  }, [needsLogin]);

  useEffect(() => {
    // A space's page names itself (with the space's name) once it knows it.
    if (route.name !== 'space') document.title = titleOf(route, Boolean(user));
  }, [route, user]);

  if (user === undefined) {
    return (
      <main className="page narrow" aria-busy="true">
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
      <Page route={route} loggedIn={Boolean(user)} />
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
        <Suspense fallback={<main id="main" className="page" aria-busy="true"><p className="muted">Opening your space…</p></main>}>
          <SpacePage key={route.spaceId} spaceId={route.spaceId} />
        </Suspense>
      );
    case 'invite':
      return <InvitePage token={route.token} />;
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
    default:
      return 'Hearth';
  }
}
