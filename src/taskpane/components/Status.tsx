import { ReactNode } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { Progress } from "../../core";
import { PlainError } from "../model/errors";
import { OperationState } from "../useOperation";

const useStyles = makeStyles({
  progress: { display: "flex", flexDirection: "column", gap: "6px", margin: "8px 0" },
  row: { display: "flex", alignItems: "center", gap: "8px", justifyContent: "space-between" },
  bar: { margin: "8px 0" },
  where: { display: "block" },
  forward: { display: "block", marginTop: "2px" },
});

/** "Writing VfM Statement (2 of 3)". */
export function progressText(label: string | undefined, p: Progress | undefined): string {
  const what = p?.label ? `${label ?? ""}${label ? ": " : ""}${p.label}` : (label ?? "Working");
  return p && p.total > 1 ? `${what} (${Math.min(p.done, p.total)} of ${p.total})` : what;
}

/** Progress of a long operation, with Cancel; announced politely to screen readers. */
export function ProgressStatus({
  label,
  progress,
  onCancel,
}: {
  readonly label?: string;
  readonly progress?: Progress;
  readonly onCancel?: () => void;
}) {
  const styles = useStyles();
  const value =
    progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <div className={styles.progress} role="status" aria-live="polite">
      <div className={styles.row}>
        <Text>{progressText(label, progress)}</Text>
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
      </div>
      <ProgressBar value={value} aria-label={label ?? "Progress"} />
    </div>
  );
}

/** A problem in plain English: what, where, and what to do next, with optional actions. */
export function ErrorNotice({
  error,
  actions,
  onDismiss,
}: {
  readonly error: PlainError;
  readonly actions?: ReactNode;
  readonly onDismiss?: () => void;
}) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" className={styles.bar} role="alert">
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle> {error.message}
        {error.where ? <span className={styles.where}>Where: {error.where}</span> : null}
        <span className={styles.forward}>{error.forward}</span>
      </MessageBarBody>
      {actions || onDismiss ? (
        <MessageBarActions>
          {actions}
          {onDismiss ? <Button onClick={onDismiss}>Dismiss</Button> : null}
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

/** An operation's running state, its error or its cancellation, in one place. */
export function OperationStatus({ op }: { readonly op: OperationState }) {
  const styles = useStyles();
  if (op.running)
    return <ProgressStatus label={op.label} progress={op.progress} onCancel={op.cancel} />;
  if (op.error) return <ErrorNotice error={op.error} onDismiss={op.clear} />;
  if (op.cancelled)
    return (
      <MessageBar intent="info" className={styles.bar}>
        <MessageBarBody>Cancelled: nothing was changed.</MessageBarBody>
        <MessageBarActions>
          <Button onClick={op.clear}>Dismiss</Button>
        </MessageBarActions>
      </MessageBar>
    );
  return null;
}
