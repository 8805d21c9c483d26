import { Link } from '../../app/router';
import { journeyPath, spacePath } from '../../app/routes';
import './spaceViewTabs.css';

/** Switches a space page between the live board and "Our journey" (the documents stay open). */
export function SpaceViewTabs({ spaceId, view, isPartner }: { spaceId: string; view: 'board' | 'journey'; isPartner: boolean }) {
  return (
    <nav className="space-view-tabs" aria-label="Space views">
      <Link to={spacePath(spaceId)} aria-current={view === 'board' ? 'page' : undefined}>
        Board
      </Link>
      <Link to={journeyPath(spaceId)} aria-current={view === 'journey' ? 'page' : undefined}>
        {isPartner ? 'Our journey' : 'Their journey'}
      </Link>
    </nav>
  );
}
