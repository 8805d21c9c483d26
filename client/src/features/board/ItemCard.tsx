import { memo, type KeyboardEvent } from 'react';
import { reorderItem, type BoardItem } from '@hearth/shared/board';
import { LOCAL_ORIGIN } from '../../collab/origins';
import { useBoard, VISIBILITY_LABEL } from './boardContext';
import type { BoardEntry } from './boardStore';
import { useEditors } from '../presence/useEditors';
import { useEditingFocus } from '../presence/useEditingFocus';
import { ItemMenu } from './ItemMenu';
import { ItemByline } from './ItemByline';
import { ExperienceBody } from './bodies/ExperienceBody';
import { PromiseBody } from './bodies/PromiseBody';
import { CardBody } from './bodies/CardBody';
import { CheckinBody } from './bodies/CheckinBody';
import { AppreciationBody } from './bodies/AppreciationBody';

export function itemLabel(item: BoardItem): string {
  const text =
    item.kind === 'experience'
      ? item.title
      : item.kind === 'promise' || item.kind === 'appreciation'
        ? item.text
        : item.kind === 'card'
          ? item.statement
          : `check-in of ${item.date}`;
  const trimmed = text.trim() || 'untitled';
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}

/** One item, content first: its words, who wrote it and when, who sees it; actions behind "⋯". */
export const ItemCard = memo(function ItemCard({
  entry,
  up,
  down,
}: {
  entry: BoardEntry;
  /** The afterId that moves it up/down one place; undefined when it cannot move that way. */
  up: string | null | undefined;
  down: string | null | undefined;
}) {
  const { awarenesses, me, setEditing, run, actor, readOnly } = useBoard();
  const editors = useEditors(awarenesses, entry.doc, entry.item.id, me.id);
  const label = itemLabel(entry.item);

  // "Editing" means a text field of this card has focus, not a button on it.
  const focus = useEditingFocus((editing) => setEditing(entry, editing));
  // Alt+↑ / Alt+↓ moves the focused card, the keyboard equivalent of dragging.
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (readOnly || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const afterId = event.key === 'ArrowUp' ? up : down;
    event.preventDefault();
    if (afterId !== undefined) run(() => reorderItem(entry.doc, actor, { itemId: entry.item.id, afterId }, { origin: LOCAL_ORIGIN }));
  }

  return (
    <article
      className={`item-card kind-${entry.item.kind}${entry.item.archived ? ' archived' : ''}`}
      aria-label={label}
      data-testid="item"
      data-item-id={entry.item.id}
      data-visibility={entry.visibility}
      ref={focus.ref}
      onFocus={focus.onFocus}
      onBlur={focus.onBlur}
      onKeyDown={onKeyDown}
    >
      {(entry.item.archived || editors.length > 0) && (
        <div className="item-top">
          {entry.item.archived && <span className="status-chip">Archived</span>}
          {editors.length > 0 && (
            <span className="editing-badge" role="status" data-testid="editing-badge">
              {editors.join(' and ')} {editors.length === 1 ? 'is' : 'are'} editing
            </span>
          )}
        </div>
      )}
      <Body entry={entry} />
      <footer className="item-foot">
        <ItemByline item={entry.item} />
        <span className={`visibility-chip vis-${entry.visibility}`} data-testid="visibility">
          <span className="visually-hidden">Visible to: </span>
          {VISIBILITY_LABEL[entry.visibility]}
        </span>
        <ItemMenu entry={entry} label={label} up={up} down={down} />
      </footer>
    </article>
  );
});

function Body({ entry }: { entry: BoardEntry }) {
  switch (entry.item.kind) {
    case 'experience':
      return <ExperienceBody entry={entry} item={entry.item} />;
    case 'promise':
      return <PromiseBody entry={entry} item={entry.item} />;
    case 'card':
      return <CardBody entry={entry} item={entry.item} />;
    case 'checkin':
      return <CheckinBody item={entry.item} />;
    case 'appreciation':
      return <AppreciationBody entry={entry} item={entry.item} />;
  }
}
