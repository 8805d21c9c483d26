import { useId, useMemo } from 'react';
import { getReflectionText, writeReflection, type ExperienceItem, type ReflectionField } from '@hearth/shared/board';
import { useYText } from '../../../collab/useYText';
import { LOCAL_ORIGIN } from '../../../collab/origins';
import { useBoard } from '../boardContext';
import type { BoardEntry } from '../boardStore';

/** After an experience: each partner's own "what I enjoyed" and "what I learned about us". */
export function Reflections({ entry, item }: { entry: BoardEntry; item: ExperienceItem }) {
  const { me, actor, readOnly, run, nameOf } = useBoard();
  const mine = item.reflections[me.id];
  const others = Object.entries(item.reflections).filter(([userId]) => userId !== me.id);

  return (
    <div className="reflections">
      <h3 className="steps-title">Reflections</h3>
      {!readOnly &&
        (mine ? (
          <>
            <ReflectionInput entry={entry} field="enjoyed" label="What I enjoyed" />
            <ReflectionInput entry={entry} field="learned" label="What I learned about us" />
          </>
        ) : (
          <button
            type="button"
            className="button small"
            onClick={() => run(() => writeReflection(entry.doc, actor, { itemId: item.id, enjoyed: '' }, { origin: LOCAL_ORIGIN }))}
          >
            Write my reflection
          </button>
        ))}
      {others.map(([userId, reflection]) => (
        <div key={userId} className="reflection">
          <p className="item-meta">
            <strong>{nameOf(userId)}</strong>
          </p>
          {reflection.enjoyed && (
            <p>
              Enjoyed: <bdi>{reflection.enjoyed}</bdi>
            </p>
          )}
          {reflection.learned && (
            <p>
              Learned about us: <bdi>{reflection.learned}</bdi>
            </p>
          )}
          {!reflection.enjoyed && !reflection.learned && <p className="muted small-print">Not written yet.</p>}
        </div>
      ))}
    </div>
  );
}

function ReflectionInput({ entry, field, label }: { entry: BoardEntry; field: ReflectionField; label: string }) {
  const id = useId();
  const { me } = useBoard();
  const ytext = useMemo(() => getReflectionText(entry.doc, entry.item.id, me.id, field) ?? null, [entry, me.id, field]);
  const ref = useYText<HTMLTextAreaElement>(ytext);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={ref} rows={2} maxLength={5000} dir="auto" data-ytext="" />
    </div>
  );
}
