"use client";

import { Component, type ReactNode } from "react";
import { ErrorBox } from "./error-box";

type Props = { path: string; resetKey: unknown; children: ReactNode };
type State = { error: Error | null; resetKey: unknown };

/** Keeps a crash in one component inside its own error box; retries when the component's props change. */
export class ComponentBoundary extends Component<Props, State> {
  state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  render() {
    if (this.state.error)
      return <ErrorBox path={this.props.path} message={`Cannot render: ${this.state.error.message}`} />;
    return this.props.children;
  }
}
