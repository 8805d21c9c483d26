import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  level: 2 | 3;
  loading: boolean;
  error: string | null;
  onRefresh(): void;
  testId: string;
  children: ReactNode;
}

/** A titled section whose data comes from the server: a Refresh button and its error line. */
export function RefreshableSection({ title, level, loading, error, onRefresh, testId, children }: Props) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={`${id}-title`} aria-busy={loading} data-testid={testId}>
      <div className="section-head">
        <Heading id={`${id}-title`}>{title}</Heading>
        <button type="button" className="button small quiet" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {children}
    </section>
  );
}
