/**
 * Reads a spreadsheet file (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv) for the command line: checks
 * the file, guards the memory, and turns every failure into an UnreadableWorkbookError with a
 * one-line plain-English message (the commands print it and exit with code 2).
 *
 * Memory: the read is refused beforehand when its estimate (HEAP_BYTES_PER_CELL in
 * src/xlsx/inspect.ts) passes what the heap has left, and the message says how to give Node
 * more memory; each workbook also runs in a worker with its own heap limit (./bounds.ts).
 */
// First: SheetJS is loaded with its code-page tables left until a file needs them.
import "./codepages";
import { promises as fs } from "fs";
import * as path from "path";
import * as v8 from "v8";
import { XlsxReadOptions, XlsxReadResult, xlsxToGrid } from "../xlsx/read";
import { UnreadableWorkbookError } from "../xlsx/inspect";
import { formatBytes } from "../core";

export { UnreadableWorkbookError } from "../xlsx/inspect";
export type { UnreadableReason } from "../xlsx/inspect";

/** The file names the commands take as spreadsheets (a folder's files are filtered by these). */
export const SPREADSHEET_FILE = /\.(xlsx|xlsm|xlsb|xls|ods|csv)$/i;

/** Limits every read in this thread applies (set from the run's --max-cells). */
let readLimits: { maxCells?: number } = {};

export function setReadLimits(limits: { maxCells?: number }): void {
  readLimits = { ...limits };
}

/** Share of the heap still free that a read may plan to use (the rest is headroom for V8). */
const HEAP_SHARE = 0.85;

/** Heap this process can still give a read, in bytes. */
export function availableHeapBytes(): number {
  const h = v8.getHeapStatistics();
  return Math.max(0, (h.heap_size_limit - h.used_heap_size) * HEAP_SHARE);
}

function moreMemoryAdvice(needBytes: number): string {
  const mb = Math.ceil((needBytes / HEAP_SHARE + 512 * 1024 * 1024) / (1024 * 1024 * 1024)) * 1024;
  return `Run the command with more memory, for example NODE_OPTIONS=--max-old-space-size=${mb}, or split the workbook.`;
}

function withFile(file: string, e: UnreadableWorkbookError): UnreadableWorkbookError {
  return new UnreadableWorkbookError(e.reason, `${file}: ${e.message}`, e.detail);
}

/**
 * Reads a spreadsheet file into a WorkbookGrid with the findings met on the way. Throws only
 * UnreadableWorkbookError, whose message names the file and says what is wrong and what to do.
 */
export async function readWorkbookFile(
  file: string,
  options: XlsxReadOptions = {}
): Promise<XlsxReadResult> {
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory())
      throw new UnreadableWorkbookError("notAFile", "This is a folder, not a workbook file.");
    if (!stat.isFile())
      throw new UnreadableWorkbookError("notAFile", "This is not an ordinary file.");
    if (stat.size === 0) throw new UnreadableWorkbookError("empty", "The file is empty (0 bytes).");
    const buffer = await fs.readFile(file);
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw withFile(file, e);
    const code = (e as { code?: string }).code;
    const detail = e instanceof Error ? e.message : String(e);
    if (code === "ENOENT")
      throw withFile(file, new UnreadableWorkbookError("notFound", "No such file.", detail));
    if (code === "EACCES" || code === "EPERM")
      throw withFile(
        file,
        new UnreadableWorkbookError(
          "notFound",
          "The file cannot be opened: permission denied.",
          detail
        )
      );
    throw withFile(
      file,
      new UnreadableWorkbookError(
        "notFound",
        `The file cannot be opened (${code ?? detail}).`,
        detail
      )
    );
  }

  try {
    return await xlsxToGrid(bytes, name, {
      memoryBudgetBytes: availableHeapBytes(),
      tooLargeAdvice: moreMemoryAdvice,
      ...(readLimits.maxCells !== undefined ? { maxCells: readLimits.maxCells } : {}),
      ...options,
    });
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) throw withFile(file, e);
    const detail = e instanceof Error ? e.message : String(e);
    throw withFile(
      file,
      new UnreadableWorkbookError(
        "corrupt",
        `The workbook could not be read (${formatBytes(bytes.length)}): ${detail.split("\n")[0]}`,
        detail
      )
    );
  }
}
