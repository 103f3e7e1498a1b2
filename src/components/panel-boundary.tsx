import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorState } from './error-state';

type Props = { name: string; children: ReactNode };
type State = { error: Error | null };

/** Keeps one broken panel from taking the page down: the rest of the page still renders. */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo) {
    // The fallback shows the message; nothing else to report in the browser.
  }

  override render() {
    if (this.state.error) {
      return (
        <ErrorState
          title={`The ${this.props.name} could not be shown`}
          headingLevel={3}
          onRetry={() => this.setState({ error: null })}
        >
          <p>Something in this data is not what the viewer expected: {this.state.error.message}</p>
        </ErrorState>
      );
    }
    return this.props.children;
  }
}
