import { ChangeEvent, useEffect, useRef, useState } from "react";
import { Root } from "react-dom/client";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Switch,
  makeStyles,
  tokens,
  webLightTheme,
  webDarkTheme,
} from "@fluentui/react-components";
import { App } from "../../taskpane/App";
import { ThemeName, officeThemeName } from "../../taskpane/theme";
import { downloadBytes } from "../../taskpane/download";
import { XLSX_MIME, copyFileName } from "../../taskpane/model/files";
import { MemoryGateway } from "../memoryGateway";
import { WorkbookView } from "./WorkbookView";

declare global {
  interface Window {
    /** The preview's in-memory workbook, for the browser tests (the preview page only). */
    __vfmPreview?: { readonly gateway: MemoryGateway };
  }
}

/** The sample the preview opens: the free-form workbook (the laid-out one is exampleshire.xlsx). */
export const SAMPLE_FILE = "exampleshire-freeform.xlsx";
export const SAMPLE_URL = `sample/${SAMPLE_FILE}`;
export const SAMPLE_NAME = "Exampleshire Constabulary (illustrative sample)";

const useStyles = makeStyles({
  // The page itself never scrolls: only the pane and the grid do, each inside its own box.
  page: {
    display: "flex",
    height: "100vh",
    overflow: "hidden",
    // A window too narrow for both side by side: the pane above, the workbook below.
    "@media (max-width: 760px)": { flexDirection: "column" },
  },
  pane: {
    width: "400px",
    flexShrink: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    display: "flex",
    flexDirection: "column",
    minHeight: 0,
    "@media (max-width: 760px)": {
      width: "100%",
      height: "62%",
      borderRight: "none",
      borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    },
  },
  workbook: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    display: "flex",
    flexDirection: "column",
  },
  tools: {
    display: "flex",
    gap: "6px 8px",
    alignItems: "center",
    padding: "4px 16px",
    flexWrap: "wrap",
  },
  file: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    flexBasis: "100%",
    overflowWrap: "anywhere",
  },
  message: { margin: "4px 16px 0" },
  hiddenInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    opacity: 0,
    overflow: "hidden",
  },
});

type Notice =
  | { readonly kind: "saved"; readonly text: string }
  | { readonly kind: "failed"; readonly title: string; readonly text: string };

function PreviewPage({ initial, initialName }: { initial: MemoryGateway; initialName: string }) {
  const styles = useStyles();
  const [gateway, setGateway] = useState(initial);
  const [fileName, setFileName] = useState(initialName);
  const [theme, setTheme] = useState<ThemeName>(() => officeThemeName());
  const [notice, setNotice] = useState<Notice | undefined>();
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);
  const openButton = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    window.__vfmPreview = { gateway };
  }, [gateway]);

  const open = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    // The file dialog is gone: focus goes back to the button that opened it.
    openButton.current?.focus();
    if (!file) return;
    try {
      setGateway(
        await MemoryGateway.fromXlsx(
          new Uint8Array(await file.arrayBuffer()),
          file.name,
          {},
          // A file opened stays on the host the page stands in for.
          gateway.platform !== undefined ? { platform: gateway.platform } : {}
        )
      );
      setFileName(file.name);
      setNotice(undefined);
    } catch (err) {
      setNotice({
        kind: "failed",
        title: `${file.name} could not be opened`,
        text: `${err instanceof Error ? err.message : String(err)} The workbook still open is ${fileName}.`,
      });
    }
  };

  const save = async () => {
    setSaving(true);
    setNotice(undefined);
    try {
      const name = copyFileName(fileName === SAMPLE_NAME ? SAMPLE_FILE : fileName);
      downloadBytes(await gateway.toXlsx(), name, XLSX_MIME);
      setNotice({
        kind: "saved",
        text: `Saved a copy as ${name}, with the add-in's sheets, settings and corrections. Open it here or in Excel to carry on where you left off.`,
      });
    } catch (err) {
      setNotice({
        kind: "failed",
        title: "The copy could not be saved",
        text: err instanceof Error ? err.message : String(err),
      });
    } finally {
      setSaving(false);
    }
  };

  const tools = (
    <>
      <div className={styles.tools}>
        <Button ref={openButton} size="small" onClick={() => input.current?.click()}>
          Open a workbook…
        </Button>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          accept=".xlsx,.xlsm,.xlsb,.xls,.ods,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet,text/csv"
          aria-label="Open a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) or a CSV file from disk"
          tabIndex={-1}
          onChange={(e) => void open(e)}
        />
        <Button size="small" onClick={() => void save()} disabledFocusable={saving}>
          Save a copy of the workbook (.xlsx)
        </Button>
        <Switch
          checked={theme === "dark"}
          onChange={(_, d) => setTheme(d.checked ? "dark" : "light")}
          label="Dark theme"
        />
        <span className={styles.file} data-testid="workbook-name">
          Workbook: {fileName}
        </span>
      </div>
      {notice?.kind === "failed" ? (
        <MessageBar intent="error" layout="multiline" className={styles.message} role="alert">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                aria-label="Dismiss"
                onClick={() => setNotice(undefined)}
              >
                Dismiss
              </Button>
            }
          />
        </MessageBar>
      ) : null}
      {notice?.kind === "saved" ? (
        <MessageBar intent="success" layout="multiline" className={styles.message} role="status">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <div className={styles.page}>
        <div className={styles.pane}>
          {/* A new gateway means a new workbook: remount the pane so it starts afresh. */}
          <App key={fileName} gateway={gateway} previewTools={tools} theme={theme} />
        </div>
        <div className={styles.workbook}>
          <WorkbookView key={fileName} workbook={gateway} />
        </div>
      </div>
    </FluentProvider>
  );
}

/** Preview mode (no Excel): the task pane beside the in-memory sample workbook. */
export async function startPreview(root: Root): Promise<void> {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok)
    throw new Error(`the sample workbook (${SAMPLE_URL}) could not be loaded: ${response.status}`);
  // ?platform=Mac stands the preview in for that Office host (what it can save, for one).
  const platform = new URLSearchParams(window.location.search).get("platform");
  const gateway = await MemoryGateway.fromXlsx(
    new Uint8Array(await response.arrayBuffer()),
    SAMPLE_NAME,
    {},
    platform ? { platform } : {}
  );
  root.render(<PreviewPage initial={gateway} initialName={SAMPLE_NAME} />);
}
