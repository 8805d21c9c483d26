import type { ReactNode } from 'react';
import { Link } from '../../app/router';
import { journeyPath, spacePath } from '../../app/routes';

/** The part of a space a phone shows: the board or journey (by route), the exercises, the people. */
export type PhoneTab = 'main' | 'together' | 'people';

interface Props {
  spaceId: string;
  view: 'board' | 'journey';
  tab: PhoneTab;
  onTab(tab: PhoneTab): void;
}

/**
 * Bottom navigation on screens up to 640 px (hidden wider, where everything shows side by
 * side): Board, Together (exercises), Journey and People (members, invitations, consent).
 */
export function SpaceBottomNav({ spaceId, view, tab, onTab }: Props) {
  function choose(next: PhoneTab) {
    onTab(next);
    window.scrollTo({ top: 0 });
  }
  const current = (on: boolean) => (on ? ('page' as const) : undefined);
  return (
    <nav className="bottom-nav" aria-label="Space sections">
      <Link to={spacePath(spaceId)} aria-current={current(tab === 'main' && view === 'board')} onClick={() => choose('main')}>
        <Icon d="M4 5h7v7H4zM13 5h7v4h-7zM13 11h7v8h-7zM4 14h7v5H4z" />
        Board
      </Link>
      <button type="button" aria-current={current(tab === 'together')} onClick={() => choose('together')}>
        <Icon d="M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 19c0-3 2.5-5 5-5s5 2 5 5M11 19c0-3 2.5-5 5-5s5 2 5 5" />
        Together
      </button>
      <Link to={journeyPath(spaceId)} aria-current={current(tab === 'main' && view === 'journey')} onClick={() => choose('main')}>
        <Icon d="M4 19V5M4 19h16M7 15l4-4 3 3 5-6" />
        Journey
      </Link>
      <button type="button" aria-current={current(tab === 'people')} onClick={() => choose('people')}>
        <Icon d="M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 3.6-7 8-7s8 3 8 7" />
        People
      </button>
    </nav>
  );
}

function Icon({ d }: { d: string }): ReactNode {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
