import { useEffect, useId, useRef, useState } from 'react';
import { navigate } from '../../app/router';
import { relativeTime } from '../../lib/relativeTime';
import { useNotifications } from './useNotifications';
import './notifications.css';

/** The header's notification centre: a bell with the unread count and the latest reminders. */
export function NotificationBell() {
  const id = useId();
  const { items, unread, markRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      const target = event.target instanceof Node ? event.target : null;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  return (
    <div className="notif">
      <button
        ref={button}
        type="button"
        className="notif-bell"
        aria-label={label}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        data-testid="notification-bell"
        onClick={() => setOpen((o) => !o)}
      >
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.5L4.5 15.5V17h15v-1.5L18 12.5V9a6 6 0 0 0-6-6zm0 19a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22z"
            fill="currentColor"
          />
        </svg>
        {unread > 0 && (
          <span className="notif-count" data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div ref={panel} id={`${id}-panel`} className="notif-panel" role="region" aria-label="Notifications">
          <div className="notif-head">
            <h2>Reminders</h2>
            <a
              href="/account#reminders"
              onClick={(e) => {
                e.preventDefault();
                setOpen(false);
                navigate('/account#reminders');
              }}
            >
              Settings
            </a>
          </div>
          {items.length === 0 ? (
            <p className="notif-empty">Nothing for now. Hearth nudges, it doesn't nag.</p>
          ) : (
            <ul className="notif-list">
              {items.map((n) => (
                <li key={n.id} className={n.read ? 'read' : 'unread'}>
                  <button
                    type="button"
                    onClick={() => {
                      if (!n.read) void markRead(n.id).catch(() => undefined);
                      setOpen(false);
                      navigate(n.link);
                    }}
                  >
                    {!n.read && (
                      <span className="notif-dot">
                        <span className="visually-hidden">Unread: </span>
                      </span>
                    )}
                    <span className="notif-text">{n.text}</span>
                    <span className="notif-when">{relativeTime(n.at)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
