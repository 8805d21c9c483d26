import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * A part of the page that failed to render shows a calm message and a way out instead of a
 * blank screen; the rest of the app keeps working.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; what: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The browser console is the only log a client has; keep the component stack with it.
    console.error(`Hearth: ${this.props.what} failed`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="notice" role="alert">
        <p>Something went wrong while showing {this.props.what}. Your saved changes are safe on the server.</p>
        <button type="button" className="button small" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
