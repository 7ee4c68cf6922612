/** File names for what the pane downloads: readable, and safe on Windows, macOS and the web. */
import { isoDatePart } from "../../core";

/** Characters no Windows file name may hold. */
const UNSAFE = /[\\/:*?"<>|]+/g;

function withoutControls(text: string): string {
  return [...text].map((ch) => (ch.charCodeAt(0) < 32 ? " " : ch)).join("");
}

/** The name of the copy of a workbook the preview saves: "budget.xlsx" -> "budget (copy).xlsx". */
export function copyFileName(fileName: string): string {
  const base = withoutControls(fileName)
    .replace(/\.(xlsx|xlsm|xls|ods|csv|xlsb)$/i, "")
    .replace(UNSAFE, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  return `${(base || "workbook").slice(0, 180)} (copy).xlsx`;
}

/**
 * "Exampleshire Constabulary - Value for Money Statement - 2026-11-22.docx" (or, with another
 * title, "... - Working papers - ...").
 */
export function statementFileName(
  force: string,
  generatedAt: string,
  extension: string,
  title: string = "Value for Money Statement"
): string {
  const name = withoutControls(force)
    .replace(UNSAFE, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const date = isoDatePart(generatedAt);
  const parts = [name || "Police force", title, ...(date ? [date] : [])];
  return `${parts.join(" - ").slice(0, 180)}.${extension.replace(/^\./, "")}`;
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
