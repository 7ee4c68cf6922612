import { ReactNode, Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Settings20Regular } from "@fluentui/react-icons/svg/settings";
import { WorkbookGateway } from "../core";
import { fluentTheme, officeThemeName, ThemeName } from "./theme";
import { useVfm } from "./useVfm";
import { PlainError } from "./model/errors";
import { ErrorNotice, ProgressStatus } from "./components/Status";
import { ErrorBoundary } from "./components/ErrorBoundary";

// The flow (steps, charts, settings) arrives with the core, after the shell has painted.
const Flow = lazy(() => import(/* webpackChunkName: "flow" */ "./Flow"));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minHeight: 0,
    // The settings drawer is fixed to the pane, not the window: a transform makes the pane the
    // box that fixed elements inside it (the drawer mounted in `layer`) are placed in.
    position: "relative",
    transform: "translateZ(0)",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    flexShrink: 0,
    padding: "12px 16px 4px",
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: "8px",
  },
  titles: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  force: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
  banner: { margin: "4px 16px", flexShrink: 0 },
  tools: { flexShrink: 0 },
  body: { flexGrow: 1, minHeight: 0, overflowY: "auto", overflowX: "hidden" },
  status: { padding: "0 16px" },
});

export interface AppProps {
  readonly gateway: WorkbookGateway;
  /** Extra controls the preview shows (open a file, theme switch). */
  readonly previewTools?: ReactNode;
  /** Forces a theme (the preview's switch); otherwise Office's theme is followed. */
  readonly theme?: ThemeName;
}

/** Office's theme now, and again whenever the system's colour scheme or contrast changes. */
function useOfficeTheme(): ThemeName {
  const [name, setName] = useState<ThemeName>(() => officeThemeName());
  useEffect(() => {
    if (typeof window === "undefined" || !window.matchMedia) return;
    const queries = ["(prefers-color-scheme: dark)", "(forced-colors: active)"].map((q) =>
      window.matchMedia(q)
    );
    const update = () => setName(officeThemeName());
    queries.forEach((q) => q.addEventListener?.("change", update));
    return () => queries.forEach((q) => q.removeEventListener?.("change", update));
  }, []);
  return name;
}

/** The task pane: the same component inside Excel and in the preview. */
export function App({ gateway, previewTools, theme }: AppProps) {
  const styles = useStyles();
  const officeTheme = useOfficeTheme();
  const vfm = useVfm(gateway);
  const { result } = vfm;
  const [notice, setNotice] = useState<PlainError | undefined>();
  const [settingsOpen, openSettings] = useState(false);
  const [layer, setLayer] = useState<HTMLDivElement | null>(null);
  const settingsButton = useRef<HTMLButtonElement | null>(null);
  // Closing the settings puts focus back on the button that opened them.
  const setSettingsOpen = useCallback((open: boolean) => {
    openSettings(open);
    if (!open) requestAnimationFrame(() => settingsButton.current?.focus());
  }, []);
  const forceName = result?.forceName;
  useEffect(() => {
    document.title = forceName ? `Value for Money: ${forceName}` : "Police Value for Money";
  }, [forceName]);
  // Fetch the flow's code while the workbook is read, not after.
  useEffect(() => {
    import(/* webpackChunkName: "flow" */ "./Flow").catch(() => undefined);
  }, []);
  const preview = gateway.kind === "preview";
  const themeObject = useMemo(() => fluentTheme(theme ?? officeTheme), [theme, officeTheme]);

  return (
    <FluentProvider theme={themeObject} className={styles.root} data-testid="taskpane">
      <header className={styles.header}>
        <div className={styles.titles}>
          <h1 className={styles.title}>Police Value for Money</h1>
          <p className={styles.force} data-testid="force-name">
            {forceName ??
              (vfm.status === "reading" ? "Reading the workbook…" : "No force named yet")}
          </p>
        </div>
        {result ? (
          <Button
            ref={settingsButton}
            icon={<Settings20Regular />}
            onClick={() => setSettingsOpen(true)}
            aria-haspopup="dialog"
          >
            Settings
          </Button>
        ) : null}
      </header>
      {preview ? (
        <MessageBar intent="warning" layout="multiline" className={styles.banner} role="note">
          <MessageBarBody>
            <MessageBarTitle>Preview</MessageBarTitle>
            Not connected to Excel: this is the in-memory workbook shown beside the pane.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {previewTools ? <div className={styles.tools}>{previewTools}</div> : null}
      <main className={styles.body}>
        <div className={styles.status}>
          {vfm.status === "reading" ? (
            <ProgressStatus
              label={result ? "Reading the workbook again" : "Reading the workbook"}
              progress={vfm.progress}
              onCancel={vfm.cancel}
            />
          ) : null}
          {(vfm.status === "failed" || vfm.status === "cancelled") && vfm.error ? (
            <ErrorNotice
              error={vfm.error}
              actions={
                <Button appearance="primary" onClick={vfm.reload}>
                  Read the workbook again
                </Button>
              }
            />
          ) : null}
          {notice ? <ErrorNotice error={notice} onDismiss={() => setNotice(undefined)} /> : null}
        </div>
        {result ? (
          <ErrorBoundary what="the steps">
            <Suspense fallback={<ProgressStatus label="Opening the steps" />}>
              <Flow
                gateway={gateway}
                result={result}
                settings={vfm.settings}
                applySettings={vfm.applySettings}
                reload={vfm.reload}
                notify={setNotice}
                settingsOpen={settingsOpen}
                setSettingsOpen={setSettingsOpen}
                drawerMount={layer}
              />
            </Suspense>
          </ErrorBoundary>
        ) : null}
      </main>
      <div ref={setLayer} data-testid="pane-layer" />
    </FluentProvider>
  );
}
