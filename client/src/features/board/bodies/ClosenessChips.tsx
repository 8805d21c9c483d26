import { CLOSENESS_KINDS, CLOSENESS_LABELS, updateExperience, type ExperienceItem } from '@hearth/shared/board';
import { LOCAL_ORIGIN } from '../../../collab/origins';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';

/** The kinds of closeness a plan feeds, as toggle chips (each saves on its own). */
export function ClosenessChips({ entry, item }: { entry: BoardEntry; item: ExperienceItem }) {
  const { actor, readOnly, run } = useBoard();
  return (
    <fieldset className="closeness">
      <legend>Closeness it feeds</legend>
      <div className="chip-row">
        {CLOSENESS_KINDS.map((kind) => {
          const on = item.closeness.includes(kind);
          return (
            <button
              key={kind}
              type="button"
              className={`toggle-chip${on ? ' on' : ''}`}
              aria-pressed={on}
              disabled={readOnly}
              onClick={() => {
                const closeness = on ? item.closeness.filter((k) => k !== kind) : [...item.closeness, kind];
                run(() => updateExperience(entry.doc, actor, { itemId: item.id, closeness }, { origin: LOCAL_ORIGIN }));
              }}
            >
              {CLOSENESS_LABELS[kind]}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
