import { useActivityUnread } from './activityCount';
import './activity.css';

/** In the header while a space is open: how much is new there; moves to "What's new". */
export function ActivityBadge() {
  const unread = useActivityUnread();
  if (unread === 0) return null;
  return (
    <button
      type="button"
      className="activity-badge"
      data-testid="header-activity"
      onClick={() => {
        const panel = document.querySelector<HTMLElement>('[data-testid="activity-panel"] h2');
        panel?.scrollIntoView({ behavior: 'smooth', block: 'center' });
        panel?.focus();
      }}
    >
      <span className="activity-badge-word">New</span> <span className="activity-count">{unread}</span>
      <span className="visually-hidden"> things in What's new</span>
    </button>
  );
}
