import { ChangeEvent, useEffect, useRef, useState } from "react";
import { Root } from "react-dom/client";
import {
  Button,
  FluentProvider,
  Switch,
  makeStyles,
  tokens,
  webLightTheme,
  webDarkTheme,
} from "@fluentui/react-components";
import { App } from "../../taskpane/App";
import { ThemeName, officeThemeName } from "../../taskpane/theme";
import { MemoryGateway } from "../memoryGateway";
import { WorkbookView } from "./WorkbookView";

declare global {
  interface Window {
    /** The preview's in-memory workbook, for the browser tests (the preview page only). */
    __vfmPreview?: { readonly gateway: MemoryGateway };
  }
}

export const SAMPLE_URL = "sample/exampleshire-freeform.xlsx";
export const SAMPLE_NAME = "Exampleshire Constabulary (illustrative sample)";

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh", minHeight: 0 },
  pane: {
    width: "380px",
    flexShrink: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    display: "flex",
    flexDirection: "column",
    minHeight: 0,
  },
  workbook: { flexGrow: 1, minWidth: 0, display: "flex", flexDirection: "column" },
  tools: {
    display: "flex",
    gap: "8px",
    alignItems: "center",
    padding: "4px 16px",
    flexWrap: "wrap",
  },
  file: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  hiddenInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    opacity: 0,
    overflow: "hidden",
  },
});

function PreviewPage({ initial, initialName }: { initial: MemoryGateway; initialName: string }) {
  const styles = useStyles();
  const [gateway, setGateway] = useState(initial);
  const [fileName, setFileName] = useState(initialName);
  const [theme, setTheme] = useState<ThemeName>(() => officeThemeName());
  const [openError, setOpenError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    window.__vfmPreview = { gateway };
  }, [gateway]);

  const open = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      setGateway(await MemoryGateway.fromXlsx(new Uint8Array(await file.arrayBuffer()), file.name));
      setFileName(file.name);
      setOpenError(undefined);
    } catch (err) {
      setOpenError(
        `${file.name} could not be opened: ${err instanceof Error ? err.message : String(err)}`
      );
    }
    e.target.value = "";
  };

  const tools = (
    <div className={styles.tools}>
      <Button size="small" onClick={() => input.current?.click()}>
        Open an .xlsx file…
      </Button>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Open an .xlsx workbook from disk"
        tabIndex={-1}
        onChange={(e) => void open(e)}
      />
      <Switch
        checked={theme === "dark"}
        onChange={(_, d) => setTheme(d.checked ? "dark" : "light")}
        label="Dark theme"
      />
      <span className={styles.file} role={openError ? "alert" : undefined}>
        {openError ?? `Workbook: ${fileName}`}
      </span>
    </div>
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
  const gateway = await MemoryGateway.fromXlsx(
    new Uint8Array(await response.arrayBuffer()),
    SAMPLE_NAME
  );
  root.render(<PreviewPage initial={gateway} initialName={SAMPLE_NAME} />);
}
