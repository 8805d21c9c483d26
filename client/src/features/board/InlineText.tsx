import { useId, useState } from 'react';
import type { TextField } from '@hearth/shared/board';
import type { BoardEntry } from './boardStore';
import { YTextField } from './YTextField';

/**
 * A text field that reads as text: the words as they are, and a click or Enter turns them
 * into the live collaborative field in place; leaving it (or Escape) shows text again.
 */
export function InlineText({
  entry,
  field,
  label,
  value,
  editable,
  multiline = false,
  maxLength,
  placeholder,
  variant = 'body',
  showLabel = false,
}: {
  entry: BoardEntry;
  field: TextField;
  label: string;
  value: string;
  editable: boolean;
  multiline?: boolean;
  maxLength?: number;
  /** Shown (muted) in place of an empty text the person may fill in. */
  placeholder?: string;
  variant?: 'title' | 'body';
  /** A small label above the text (secondary fields such as Notes). */
  showLabel?: boolean;
}) {
  const id = useId();
  const [editing, setEditing] = useState(false);

  if (editing && editable) {
    return (
      <div className={`inline-field editing ${variant}`} data-inline={label}>
        <YTextField
          entry={entry}
          field={field}
          label={label}
          hideLabel={!showLabel}
          multiline={multiline}
          disabled={false}
          maxLength={maxLength}
          placeholder={placeholder}
          length={value.length}
          autoFocus
          onDone={() => setEditing(false)}
        />
      </div>
    );
  }
  if (!editable && value.trim() === '') return null;

  const empty = value.trim() === '';
  const text = (
    <span id={`${id}-text`} className={`inline-value${empty ? ' empty' : ''}`} dir="auto" data-empty={empty || undefined}>
      {empty ? placeholder : value}
    </span>
  );
  return (
    <div className={`inline-field ${variant}`} data-inline={label}>
      {showLabel && (
        <span className="inline-label" id={`${id}-label`}>
          {label}
        </span>
      )}
      {editable ? (
        <>
          <div
            className="inline-text editable"
            // On press rather than click: the field being left may reflow the card between press
            // and release. No default focus, or it would land where this element was.
            onMouseDown={(event) => {
              if (event.button !== 0) return;
              event.preventDefault();
              setEditing(true);
            }}
            onClick={() => setEditing(true)}
          >
            {text}
          </div>
          {/* The keyboard's way in: the text stays plain text for screen readers. */}
          <button type="button" className="inline-edit" onClick={() => setEditing(true)}>
            Edit {inSentence(label)}
          </button>
        </>
      ) : (
        <div className="inline-text" aria-labelledby={showLabel ? `${id}-label` : undefined}>
          {text}
        </div>
      )}
    </div>
  );
}

/** A field label inside a sentence: only its first letter lower-cased, and never a word "I" ("I’d", "I'm"). */
function inSentence(label: string): string {
  if (/^I(?![A-Za-z])/.test(label)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
