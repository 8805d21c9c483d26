import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface ToastInput {
  message: string;
  /** One action, e.g. Undo; the toast closes when it runs. */
  action?: { label: string; run(): void };
  /** Runs when the toast goes away without its action (time out or dismissed). */
  onExpire?(): void;
  /** Moves focus to the action (after the focused element was deleted). */
  focusAction?: boolean;
}

interface ToastState extends ToastInput {
  id: number;
}

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

/** How long a toast stays; it stays while hovered or focused. */
export const TOAST_MS = 8000;

/** Holds the toasts of a screen and shows them in one live region at the bottom. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastState[]>([]);
  const next = useRef(1);
  const show = useCallback((toast: ToastInput) => {
    const id = next.current++;
    setToasts((all) => [...all.slice(-2), { ...toast, id }]);
  }, []);
  const remove = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <ToastView key={toast.id} toast={toast} onGone={() => remove(toast.id)} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  return useMemo(() => show ?? (() => undefined), [show]);
}

function ToastView({ toast, onGone }: { toast: ToastState; onGone(): void }) {
  const [paused, setPaused] = useState(false);
  const actionRef = useRef<HTMLButtonElement>(null);
  const done = useRef(false);

  const close = useCallback(
    (ran: boolean) => {
      if (done.current) return;
      done.current = true;
      if (!ran) toast.onExpire?.();
      onGone();
    },
    [toast, onGone],
  );

  useEffect(() => {
    if (toast.focusAction) actionRef.current?.focus();
  }, [toast.focusAction]);

  useEffect(() => {
    if (paused) return undefined;
    const timer = window.setTimeout(() => close(false), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [paused, close]);

  return (
    <div
      className="toast"
      data-testid="toast"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span>{toast.message}</span>
      {toast.action && (
        <button
          ref={actionRef}
          type="button"
          className="button small toast-action"
          onClick={() => {
            toast.action?.run();
            close(true);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="button small quiet icon toast-close" aria-label="Dismiss" onClick={() => close(false)}>
        ×
      </button>
    </div>
  );
}
