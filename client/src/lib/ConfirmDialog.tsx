import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface ConfirmOptions {
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** A destructive action: the confirm button is red and focus starts on Cancel. */
  danger?: boolean;
}

/**
 * An in-app confirmation on the native <dialog> (focus trap, Escape, backdrop for free), in
 * place of `window.confirm`. Render `dialog` somewhere; `confirm(...)` resolves true or false.
 */
export function useConfirm(): [ReactNode, (options: ConfirmOptions) => Promise<boolean>] {
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);

  const confirm = useCallback((next: ConfirmOptions) => {
    resolver.current?.(false);
    setOptions(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const finish = useCallback((ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setOptions(null);
  }, []);

  const dialog = options ? <ConfirmDialog options={options} onFinish={finish} /> : null;
  return [dialog, confirm];
}

function ConfirmDialog({ options, onFinish }: { options: ConfirmOptions; onFinish(ok: boolean): void }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  // The element focused before opening gets focus back when the dialog closes.
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    opener.current = document.activeElement;
    dialog.showModal();
    const onClose = () => {
      onFinish(dialog.returnValue === 'confirm');
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
    dialog.addEventListener('close', onClose);
    return () => {
      dialog.removeEventListener('close', onClose);
      if (dialog.open) dialog.close();
    };
  }, [onFinish]);

  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={options.body ? `${id}-body` : undefined}>
      <form method="dialog">
        <h2 id={`${id}-title`}>{options.title}</h2>
        {options.body && (
          <div id={`${id}-body`} className="confirm-body">
            {options.body}
          </div>
        )}
        <div className="dialog-actions">
          <button type="submit" value="cancel" className="button" autoFocus={options.danger}>
            {options.cancelLabel ?? 'Cancel'}
          </button>
          <button
            type="submit"
            value="confirm"
            className={`button ${options.danger ? 'danger-solid' : 'primary'}`}
            autoFocus={!options.danger}
          >
            {options.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
