import { useId, useState, type ComponentType } from 'react';
import type { ItemKind } from '@hearth/shared/board';
import { useBoard } from './boardContext';
import type { BoardEntry } from './boardStore';
import { entriesOfKind, moveTargets, type BoardFilter } from './boardFilters';
import { ItemCard } from './ItemCard';
import { AddExperienceForm } from './forms/AddExperienceForm';
import { AddPromiseForm } from './forms/AddPromiseForm';
import { AddCardForm } from './forms/AddCardForm';
import { CheckinForm } from './forms/CheckinForm';
import { AppreciationForm } from './forms/AppreciationForm';

interface SectionSpec {
  kind: ItemKind;
  title: string;
  purpose: string;
  addLabel: string;
  Form: ComponentType<{ onDone(): void }>;
}

// The empty state of each section says in one sentence what it is for.
const SECTIONS: SectionSpec[] = [
  {
    kind: 'experience',
    title: 'Experiences',
    purpose: 'Plan new things to do together (trips, classes, small rituals) and reflect on them afterwards.',
    addLabel: 'Add experience',
    Form: AddExperienceForm,
  },
  {
    kind: 'promise',
    title: 'Promises',
    purpose: 'Small, concrete promises you make to each other, and whether each one was kept.',
    addLabel: 'Add promise',
    Form: AddPromiseForm,
  },
  {
    kind: 'card',
    title: 'Needs & boundaries',
    purpose: 'Say what you need, where your limits are and what hurts, so your partner can understand.',
    addLabel: 'Add card',
    Form: AddCardForm,
  },
  {
    kind: 'checkin',
    title: 'Check-ins',
    purpose: 'A quick note each day on how you feel and the one thing you need today.',
    addLabel: 'Check in',
    Form: CheckinForm,
  },
  {
    kind: 'appreciation',
    title: 'Appreciations',
    purpose: 'Short notes of thanks for the things your partner does.',
    addLabel: 'Add appreciation',
    Form: AppreciationForm,
  },
];

export function BoardSections({ entries, filter }: { entries: readonly BoardEntry[]; filter: BoardFilter }) {
  return (
    <div className="board-sections">
      {SECTIONS.map((spec) => (
        <BoardSection key={spec.kind} spec={spec} entries={entries} filter={filter} />
      ))}
    </div>
  );
}

function BoardSection({ spec, entries, filter }: { spec: SectionSpec; entries: readonly BoardEntry[]; filter: BoardFilter }) {
  const id = useId();
  const { readOnly, me, reportWhere } = useBoard();
  const [adding, setAdding] = useState(false);
  const all = entries.filter((e) => e.item.kind === spec.kind);
  const shown = entriesOfKind(entries, spec.kind, filter, me.id);
  const targets = moveTargets(entries, spec.kind);
  const { Form } = spec;

  return (
    <section
      className={`board-section section-${spec.kind}`}
      aria-labelledby={`${id}-title`}
      data-section={spec.kind}
      onFocus={() => reportWhere(spec.kind)}
    >
      <header className="section-head">
        <h2 id={`${id}-title`}>{spec.title}</h2>
        {!readOnly && (
          <button
            type="button"
            className="button small primary"
            aria-expanded={adding}
            aria-controls={`${id}-form`}
            onClick={() => setAdding((v) => !v)}
          >
            {adding ? 'Cancel' : spec.addLabel}
          </button>
        )}
      </header>
      {adding && (
        <div id={`${id}-form`} className="add-form">
          <Form onDone={() => setAdding(false)} />
        </div>
      )}
      {shown.length === 0 ? (
        <p className="empty-state">{all.length === 0 ? spec.purpose : 'Nothing here matches the filter.'}</p>
      ) : (
        <ol className="item-list">
          {shown.map((entry) => (
            <li key={`${entry.visibility}:${entry.item.id}`}>
              <ItemCard entry={entry} up={targets.get(entry.item.id)?.up} down={targets.get(entry.item.id)?.down} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
