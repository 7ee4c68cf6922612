import { createRoot, Root } from "react-dom/client";
import { startInExcel } from "./startInExcel";
import { disableOfficeTelemetry } from "./officeTelemetry";

/** Shown when Office or the page cannot start at all; plain DOM so it works whatever failed. */
function showStartupError(message: string): void {
  const root = document.getElementById("root");
  if (!root) return;
  root.textContent = "";
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.style.padding = "16px";
  p.textContent = message;
  root.appendChild(p);
}

async function start(root: Root, host: Office.HostType | null): Promise<void> {
  if (host === Office.HostType.Excel) {
    startInExcel(root);
  } else {
    // No Excel: the preview, with the in-memory workbook (ExcelJS is loaded only here).
    const { startPreview } = await import(
      /* webpackChunkName: "preview" */ "../preview/page/startPreview"
    );
    await startPreview(root);
  }
}

if (typeof Office === "undefined") {
  showStartupError(
    "Office.js could not be loaded, so the add-in cannot start. Check the connection to Microsoft's Office service and reopen the pane."
  );
} else {
  Office.onReady((info) => {
    disableOfficeTelemetry();
    const container = document.getElementById("root");
    if (!container) return;
    const root = createRoot(container);
    start(root, info.host).catch((e: unknown) =>
      showStartupError(`The add-in could not start: ${e instanceof Error ? e.message : String(e)}`)
    );
  });
}
