import { ReactNode, useEffect, useMemo, useState } from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { WorkbookGateway } from "../core/gateway";
import { fluentTheme, officeThemeName, ThemeName } from "./theme";
import { useVfm } from "./useVfm";
import { Steps } from "./Steps";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { padding: "12px 16px 4px", display: "flex", flexDirection: "column", gap: "2px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  force: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
  banner: { margin: "4px 16px" },
  body: { flexGrow: 1, minHeight: 0, overflowY: "auto" },
  status: { padding: "8px 16px", display: "flex", flexDirection: "column", gap: "6px" },
});

export interface AppProps {
  readonly gateway: WorkbookGateway;
  /** Extra controls the preview shows (open a file, theme switch). */
  readonly previewTools?: ReactNode;
  /** Forces a theme (the preview's switch); otherwise Office's theme is followed. */
  readonly theme?: ThemeName;
}

/** The task pane: the same component inside Excel and in the preview. */
export function App({ gateway, previewTools, theme }: AppProps) {
  const styles = useStyles();
  const [officeTheme] = useState<ThemeName>(() => officeThemeName());
  const vfm = useVfm(gateway);
  const forceName = vfm.result?.forceName;
  useEffect(() => {
    document.title = forceName ? `Value for Money: ${forceName}` : "Police Value for Money";
  }, [forceName]);
  const preview = gateway.kind === "preview";
  const themeObject = useMemo(() => fluentTheme(theme ?? officeTheme), [theme, officeTheme]);

  return (
    <FluentProvider theme={themeObject} className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>Police Value for Money</h1>
        <p className={styles.force} data-testid="force-name">
          {forceName ?? (vfm.status === "reading" ? "Reading the workbook…" : "No force named yet")}
        </p>
      </header>
      {preview ? (
        <MessageBar intent="warning" className={styles.banner} role="note">
          <MessageBarBody>
            <MessageBarTitle>Preview</MessageBarTitle>
            Not connected to Excel: this is the in-memory workbook shown beside the pane.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {previewTools}
      <main className={styles.body}>
        {vfm.status === "reading" ? (
          <div className={styles.status} role="status" aria-live="polite">
            <Text>{vfm.progress?.label ?? "Reading the workbook…"}</Text>
            <ProgressBar
              value={
                vfm.progress && vfm.progress.total > 0
                  ? vfm.progress.done / vfm.progress.total
                  : undefined
              }
              aria-label="Reading progress"
            />
            <Button onClick={vfm.cancel}>Cancel</Button>
          </div>
        ) : null}
        {vfm.status === "failed" || vfm.status === "cancelled" ? (
          <div className={styles.status}>
            <MessageBar intent={vfm.status === "failed" ? "error" : "info"} role="alert">
              <MessageBarBody>
                <MessageBarTitle>
                  {vfm.status === "failed"
                    ? "The workbook could not be read"
                    : "Reading was cancelled"}
                </MessageBarTitle>
                {vfm.error}
              </MessageBarBody>
            </MessageBar>
            <Button appearance="primary" onClick={vfm.reload}>
              Read the workbook again
            </Button>
          </div>
        ) : null}
        {vfm.result ? <Steps gateway={gateway} result={vfm.result} reload={vfm.reload} /> : null}
      </main>
    </FluentProvider>
  );
}
