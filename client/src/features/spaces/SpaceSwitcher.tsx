import { useId } from 'react';
import { navigate } from '../../app/router';
import { spacePath } from '../../app/routes';
import { useWatchSpaces } from '../livestatus/statusStore';
import { useSpaces } from './spacesStore';

/** A compact way to move between spaces from anywhere (most people have one or two). */
export function SpaceSwitcher({ currentSpaceId }: { currentSpaceId: string | null }) {
  const id = useId();
  const { spaces } = useSpaces();
  // Every listed space is followed live: one deleted or closed elsewhere leaves this list.
  useWatchSpaces(spaces?.map((s) => s.id) ?? []);
  if (!spaces || spaces.length === 0) return null;
  return (
    <span className="row">
      <label htmlFor={id} className="visually-hidden">
        Switch space
      </label>
      <select
        id={id}
        value={currentSpaceId ?? ''}
        onChange={(e) => navigate(e.target.value ? spacePath(e.target.value) : '/')}
        style={{ width: 'auto', minWidth: 160 }}
      >
        <option value="">All spaces</option>
        {spaces.map((space) => (
          <option key={space.id} value={space.id}>
            {space.name}
          </option>
        ))}
      </select>
    </span>
  );
}
