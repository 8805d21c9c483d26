import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Ends the session for both (shown only to people who may end it). */
  onEnd: (() => void) | null;
  onLeave(): void;
}

/**
 * A running exercise whose view fails still offers a way out: end it for both, or go back to
 * the board. The session keeps running on the server, so nobody is stuck on a broken screen.
 */
export class ExerciseErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Hearth: the exercise view failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="notice ex-broken" role="alert">
        <p>This exercise could not be shown on this screen. It is still running for both of you.</p>
        <div className="ex-actions-row">
          {this.props.onEnd && (
            <button type="button" className="btn" onClick={this.props.onEnd}>
              End exercise
            </button>
          )}
          <button type="button" className="btn btn-primary" onClick={this.props.onLeave}>
            Leave
          </button>
        </div>
      </div>
    );
  }
}
