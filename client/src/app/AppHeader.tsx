import { useEffect, useRef, useState } from 'react';
import { useAuth } from './AuthProvider';
import { Link, navigate } from './router';
import type { Route } from './routes';
import { SpaceSwitcher } from '../features/spaces/SpaceSwitcher';
import { QuickExit } from '../features/safety/QuickExit';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { ActivityBadge } from '../features/activity/ActivityBadge';

/**
 * On a phone the header is one short row — the heart, what's new, the bell, "Menu" and Quick
 * exit — and the space switcher, account and log-out sit in the menu. From 641 px the menu's
 * contents stand in the row as before (the toggle is hidden; see layout.css).
 */
export function AppHeader({ route }: { route: Route }) {
  const { user, logout } = useAuth();
  const [menuOpen, setMenuOpen] = useState(false);
  const headerRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  // A new screen closes the menu.
  useEffect(() => setMenuOpen(false), [route]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      toggleRef.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!headerRef.current?.contains(e.target instanceof Node ? e.target : null)) setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [menuOpen]);

  async function handleLogout() {
    await logout();
    navigate('/login', { replace: true });
  }

  return (
    <header className="app-header" ref={headerRef}>
      <Link to="/" className="brand" aria-label="Hearth, your spaces">
        <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
          <path d="M16 28s-11-7-11-15a6 6 0 0 1 11-3 6 6 0 0 1 11 3c0 8-11 15-11 15z" fill="currentColor" />
        </svg>
        <span className="brand-name">Hearth</span>
      </Link>
      {user && (
        <button
          ref={toggleRef}
          type="button"
          className="header-menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="header-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
          </svg>
          Menu
        </button>
      )}
      {user && (
        <div id="header-menu" className={menuOpen ? 'header-menu open' : 'header-menu'}>
          <SpaceSwitcher currentSpaceId={route.name === 'space' ? route.spaceId : null} />
          <Link to="/account" className="who">
            <span className="visually-hidden">Account and safety, signed in as </span>
            <strong>{user.displayName}</strong>
          </Link>
          <button type="button" className="button small" onClick={handleLogout}>
            Log out
          </button>
        </div>
      )}
      <span className="spacer" />
      {user ? (
        <>
          {route.name === 'space' && <ActivityBadge />}
          <NotificationBell />
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
