import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What "Restart" does besides clearing the error (e.g. reset the scenario). */
  onRestart?: () => void;
  /** A panel-sized boundary names what failed; the app-sized one is the last resort. */
  label?: string;
  /** When this changes (a new run), a caught error is cleared and the children get another try. */
  resetKey?: string;
}

interface State {
  error: Error | null;
}

/** Catches a render error and offers a way back instead of a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the console; the page itself already says what happened.
    console.warn('Saga Simulator caught an error', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  private restart = () => {
    this.props.onRestart?.();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="crash">
        <p>
          <span aria-hidden="true">⚠</span> Something went wrong{this.props.label ? ` in ${this.props.label}` : ''}: {error.message}
        </p>
        <button type="button" onClick={this.restart}>
          Restart
        </button>
      </div>
    );
  }
}
