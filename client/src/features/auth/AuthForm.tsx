import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../lib/http';

export interface AuthField {
  name: string;
  label: string;
  type: 'email' | 'password' | 'text';
  autoComplete: string;
  hint?: string;
  minLength?: number;
}

interface AuthFormProps {
  title: string;
  intro: string;
  fields: AuthField[];
  submitLabel: string;
  onSubmit(values: Record<string, string>): Promise<void>;
  footer: ReactNode;
  /** The other way in, shown right under the title ("New to Hearth? Create an account"). */
  switcher?: ReactNode;
}

/** The shared shape of the log-in and sign-up pages: labelled fields, one clear error. */
export function AuthForm({ title, intro, fields, submitLabel, onSubmit, footer, switcher }: AuthFormProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(fields.map((f) => [f.name, String(data.get(f.name) ?? '')]));
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="page narrow">
      <section className="card-surface auth-card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{title}</h1>
        <p className="muted">{intro}</p>
        {switcher && <p className="auth-switch">{switcher}</p>}
        <form onSubmit={handleSubmit} noValidate={false}>
          {fields.map((field) => (
            <div className="field" key={field.name}>
              <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
              <input
                id={`${id}-${field.name}`}
                name={field.name}
                type={field.type}
                autoComplete={field.autoComplete}
                required
                minLength={field.minLength}
                aria-describedby={field.hint ? `${id}-${field.name}-hint` : undefined}
              />
              {field.hint && (
                <span className="hint" id={`${id}-${field.name}-hint`}>
                  {field.hint}
                </span>
              )}
            </div>
          ))}
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'One moment…' : submitLabel}
          </button>
        </form>
        {footer && <p className="alt">{footer}</p>}
      </section>
    </main>
  );
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return 'That email and password do not match an account.';
    if (error.code === 'email_taken') return 'An account with this email already exists. Try logging in.';
    // The server says how long to wait, in seconds: the owner is slowed down, never locked out.
    if (error.code === 'rate_limited') return error.message;
    if (error.code === 'weak_password')
      return `Please choose a password that is harder to guess. ${error.message.replace(/^password:\s*/, '')}`;
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}
