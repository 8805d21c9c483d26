import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  label: string;
  onSelect(): void;
  danger?: boolean;
  /** Shown after the label, e.g. a keyboard shortcut. */
  hint?: string;
  /** Checked state for a choice among several (shown with a tick). */
  checked?: boolean;
}

/**
 * A "⋯" button that opens a short list of actions: secondary controls stay out of the way
 * of the content. Arrow keys move, Escape closes and returns focus to the button.
 */
export function Menu({ label, items, testId }: { label: string; items: readonly (MenuItem | 'separator')[]; testId?: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState<CSSProperties>({});

  const entries = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]') ?? [])];

  // The list lives in <body> (cards skip painting what overflows them), fixed beside the
  // button: below it, or above when there is no room below.
  // Scrolling moves it along with the button rather than closing it (a scroll can arrive
  // just after the press that opened it).
  const placeList = useCallback(() => {
    if (!button.current) return;
    const rect = button.current.getBoundingClientRect();
    const height = list.current?.offsetHeight ?? 0;
    const right = Math.max(8, window.innerWidth - rect.right);
    setPlace(
      rect.bottom + 4 + height > window.innerHeight && rect.top - 4 - height > 0
        ? { right, bottom: window.innerHeight - rect.top + 4 }
        : { right, top: rect.bottom + 4 },
    );
  }, []);
  useLayoutEffect(() => {
    if (open) placeList();
  }, [open, placeList]);

  useEffect(() => {
    if (!open) return undefined;
    entries()[0]?.focus({ preventScroll: true });
    const onScroll = () => placeList();
    window.addEventListener('resize', onScroll);
    window.addEventListener('scroll', onScroll, { passive: true });
    const onPointer = (event: PointerEvent) => {
      const target = event.target instanceof Node ? event.target : null;
      if (!list.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('resize', onScroll);
      window.removeEventListener('scroll', onScroll);
    };
  }, [open, placeList]);

  function close(focusButton: boolean) {
    setOpen(false);
    if (focusButton) button.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const all = entries();
    const active = document.activeElement;
    const at = active instanceof HTMLButtonElement ? all.indexOf(active) : -1;
    const go = (i: number) => all[(i + all.length) % all.length]?.focus({ preventScroll: true });
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(all.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') setOpen(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="menu">
      <button
        ref={button}
        type="button"
        className="button quiet icon menu-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        data-testid={testId}
        onClick={() => setOpen((v) => !v)}
      >
        <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
          <circle cx="4" cy="10" r="1.8" fill="currentColor" />
          <circle cx="10" cy="10" r="1.8" fill="currentColor" />
          <circle cx="16" cy="10" r="1.8" fill="currentColor" />
        </svg>
      </button>
      {open &&
        createPortal(
          <ul ref={list} id={id} role="menu" aria-label={label} className="menu-list" style={place} onKeyDown={onKeyDown}>
            {items.map((item, i) =>
              item === 'separator' ? (
                <li key={`sep-${i}`} role="separator" />
              ) : (
                <li key={item.label} role="none">
                  <button
                    type="button"
                    role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
                    aria-checked={item.checked}
                    tabIndex={-1}
                    className={item.danger ? 'danger' : undefined}
                    onClick={() => {
                      close(true);
                      item.onSelect();
                    }}
                  >
                    <span className="menu-check" aria-hidden="true">
                      {item.checked ? '✓' : ''}
                    </span>
                    {item.label}
                    {item.hint && <span className="menu-hint">{item.hint}</span>}
                  </button>
                </li>
              ),
            )}
          </ul>,
          document.body,
        )}
    </div>
  );
}
