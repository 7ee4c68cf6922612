import { Component, ErrorInfo, ReactNode } from "react";
import { Button } from "@fluentui/react-components";
import { ErrorNotice } from "./Status";

interface Props {
  /** What failed, for the message: "the Benchmarks step". */
  readonly what: string;
  readonly children: ReactNode;
}

interface State {
  readonly error?: string;
}

/**
 * Keeps a failure in one part of the pane (a step, the flow's code not loading) from blanking the
 * whole pane: that part shows what went wrong and a way on, the rest keeps working.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(e: unknown): State {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Shown in the pane (render); nothing is sent anywhere.
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return (
      <ErrorNotice
        error={{
          title: `Something went wrong in ${this.props.what}`,
          message: `It stopped with: ${this.state.error}`,
          forward:
            "Try again. If it happens again, read the workbook again or reopen the pane; your workbook has not been changed.",
        }}
        actions={<Button onClick={() => this.setState({ error: undefined })}>Try again</Button>}
      />
    );
  }
}
