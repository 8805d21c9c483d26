import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../lib/http';

export interface AuthField {
  name: string;
  label: string;
  type: 'email' | 'password' | 'text';
  autoComplete: string;
  hint?: string;
  minLength?: number;
  /** What is wrong with a value, in words shown next to the field, or null when it will do. */
  problem?: (value: string) => string | null;
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
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const values = Object.fromEntries(fields.map((f) => [f.name, String(data.get(f.name) ?? '')]));
    // Checked here, next to the field, before anything is sent; what was typed stays.
    const found = Object.fromEntries(
      fields.flatMap((f) => {
        const problem = f.problem?.(values[f.name] ?? '');
        return problem ? [[f.name, problem]] : [];
      }),
    );
    setProblems(found);
    setError(null);
    const first = fields.find((f) => found[f.name]);
    if (first) {
      form.querySelector<HTMLInputElement>(`[name="${first.name}"]`)?.focus();
      return;
    }
    setBusy(true);
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
          {fields.map((field) => {
            const problem = problems[field.name];
            const described = [field.hint && `${id}-${field.name}-hint`, problem && `${id}-${field.name}-problem`].filter(Boolean);
            return (
              <div className="field" key={field.name}>
                <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
                <input
                  id={`${id}-${field.name}`}
                  name={field.name}
                  type={field.type}
                  autoComplete={field.autoComplete}
                  required
                  minLength={field.minLength}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={described.length > 0 ? described.join(' ') : undefined}
                  onInput={() => {
                    if (problem)
                      setProblems((current) => Object.fromEntries(Object.entries(current).filter(([name]) => name !== field.name)));
                  }}
                />
                {field.hint && (
                  <span className="hint" id={`${id}-${field.name}-hint`}>
                    {field.hint}
                  </span>
                )}
                {problem && (
                  <p className="field-problem" id={`${id}-${field.name}-problem`} role="alert" data-testid={`problem-${field.name}`}>
                    {problem}
                  </p>
                )}
              </div>
            );
          })}
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
