/**
 * Reads a workbook file for the command line: checks the file, guards the memory, and turns every
 * failure into an UnreadableWorkbookError with a one-line plain-English message (the commands
 * print it and exit with code 2).
 *
 * Memory: the ordinary ExcelJS reader holds the whole workbook as objects, about 10-12 bytes of
 * heap per byte of sheet XML (see HEAP_BYTES_PER_XML_BYTE in src/xlsx/inspect.ts). Node
 * stops the process outright when its heap runs out, so the read is refused beforehand when the
 * estimate passes what the heap has left; the message says how to give Node more memory.
 */
import { promises as fs } from "fs";
import * as path from "path";
import * as v8 from "v8";
import { XlsxReadOptions, XlsxReadResult, xlsxToGrid } from "../xlsx/read";
import { UnreadableWorkbookError } from "../xlsx/inspect";
import { formatBytes } from "../core";

export { UnreadableWorkbookError } from "../xlsx/inspect";
export type { UnreadableReason } from "../xlsx/inspect";

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
 * Reads an .xlsx file into a WorkbookGrid with the findings met on the way. Throws only
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
