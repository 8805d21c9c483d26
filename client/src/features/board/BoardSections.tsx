import { useEffect, useId, useRef, useState, type ComponentType } from 'react';
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
  /** The empty section's invitation: a sentence and the action it offers. */
  invite: string;
  inviteAction: string;
  addLabel: string;
  Form: ComponentType<{ onDone(): void }>;
}

// The empty state of each section says in one sentence what it is for.
const SECTIONS: SectionSpec[] = [
  {
    kind: 'experience',
    title: 'Experiences',
    purpose: 'Plan new things to do together (trips, classes, small rituals) and reflect on them afterwards.',
    invite: 'Nothing planned yet — what would you love to do together, big or small?',
    inviteAction: 'Add the first plan',
    addLabel: 'Add experience',
    Form: AddExperienceForm,
  },
  {
    kind: 'promise',
    title: 'Promises',
    purpose: 'Small, concrete promises you make to each other, and whether each one was kept.',
    invite: 'No promises yet. Start small and concrete, like “I’ll call you on Sunday evenings”.',
    inviteAction: 'Make a small promise',
    addLabel: 'Add promise',
    Form: AddPromiseForm,
  },
  {
    kind: 'card',
    title: 'Needs & boundaries',
    purpose: 'Say what you need, where your limits are and what hurts, so your partner can understand.',
    invite: 'Nothing here yet. A need, a limit or something that hurts — saying it is the first step to being understood.',
    inviteAction: 'Write a card',
    addLabel: 'Add card',
    Form: AddCardForm,
  },
  {
    kind: 'checkin',
    title: 'Check-ins',
    purpose: 'A quick note each day on how you feel and the one thing you need today.',
    invite: 'No check-ins yet. How are you today? One word and one need is enough.',
    inviteAction: 'Check in now',
    addLabel: 'Check in',
    Form: CheckinForm,
  },
  {
    kind: 'appreciation',
    title: 'Appreciations',
    purpose: 'Short notes of thanks for the things your partner does.',
    invite: 'No appreciations yet. Thank your partner for one thing they did this week.',
    inviteAction: 'Write an appreciation',
    addLabel: 'Add appreciation',
    Form: AppreciationForm,
  },
];

/** Asks a section to open its "add" form (the first-run guide's suggestions); `n` repeats it. */
export interface OpenRequest {
  kind: ItemKind;
  n: number;
}

export function BoardSections({
  entries,
  filter,
  openRequest,
}: {
  entries: readonly BoardEntry[];
  filter: BoardFilter;
  openRequest?: OpenRequest | null;
}) {
  return (
    <div className="board-sections">
      {SECTIONS.map((spec) => (
        <BoardSection
          key={spec.kind}
          spec={spec}
          entries={entries}
          filter={filter}
          openRequest={openRequest?.kind === spec.kind ? openRequest.n : 0}
        />
      ))}
    </div>
  );
}

function BoardSection({
  spec,
  entries,
  filter,
  openRequest,
}: {
  spec: SectionSpec;
  entries: readonly BoardEntry[];
  filter: BoardFilter;
  openRequest: number;
}) {
  const id = useId();
  const { readOnly, me, reportWhere } = useBoard();
  const [adding, setAdding] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (openRequest === 0) return;
    setAdding(true);
    sectionRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [openRequest]);
  const all = entries.filter((e) => e.item.kind === spec.kind);
  const shown = entriesOfKind(entries, spec.kind, filter, me.id);
  const targets = moveTargets(entries, spec.kind);
  const { Form } = spec;

  return (
    <section
      ref={sectionRef}
      className={`board-section section-${spec.kind}`}
      aria-labelledby={`${id}-title`}
      data-section={spec.kind}
      onFocus={() => reportWhere(spec.kind)}
    >
      <header className="section-head">
        <h2 id={`${id}-title`}>{spec.title}</h2>
        {!readOnly && !adding && (
          <button type="button" className="button small" aria-expanded={false} aria-controls={`${id}-form`} onClick={() => setAdding(true)}>
            <span aria-hidden="true">+</span> {spec.addLabel}
          </button>
        )}
      </header>
      {adding && (
        <div id={`${id}-form`} className="add-form">
          <Form onDone={() => setAdding(false)} />
          <button type="button" className="button small quiet add-cancel" onClick={() => setAdding(false)}>
            Cancel
          </button>
        </div>
      )}
      {shown.length === 0 ? (
        all.length === 0 ? (
          !adding && (
            <p className="empty-state">
              {readOnly ? spec.purpose : spec.invite}{' '}
              {!readOnly && (
                <button type="button" className="link-button" onClick={() => setAdding(true)}>
                  {spec.inviteAction}
                </button>
              )}
            </p>
          )
        ) : (
          <p className="empty-state">Nothing here matches the filter.</p>
        )
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
