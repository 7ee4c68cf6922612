/**
 * A quick look at a file's bytes before ExcelJS is asked to read it: is it an .xlsx at all (or an
 * old .xls, an encrypted workbook, a Word file, a CSV), and how much memory will reading it take?
 * It reads only the zip's central directory, so it costs nothing even for a 40 MB file.
 *
 * No Node imports: the preview runs this in the browser.
 */
import { formatBytes, formatNumber } from "../core/format";

/** Why a file could not be read, for callers that act on the kind (the CLI's exit code, tests). */
export type UnreadableReason =
  | "notFound"
  | "notAFile"
  | "empty"
  | "notXlsx"
  | "legacyXls"
  | "xlsb"
  | "otherDocument"
  | "encrypted"
  | "corrupt"
  | "tooLarge";

/** A workbook that cannot be read, with a one-line plain-English reason and what to do. */
export class UnreadableWorkbookError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    message: string,
    /** Technical detail (the underlying library's message), for logs, not for the user. */
    readonly detail?: string
  ) {
    super(message);
    this.name = "UnreadableWorkbookError";
  }
}

export interface ZipEntryInfo {
  readonly name: string;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
  readonly encrypted: boolean;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly localHeaderOffset: number;
  /** Where the part's entry in the central directory starts. */
  readonly centralOffset: number;
}

export interface XlsxInspection {
  readonly fileBytes: number;
  readonly entries: readonly ZipEntryInfo[];
  /** Uncompressed size of the worksheet parts (xl/worksheets/*.xml). */
  readonly sheetXmlBytes: number;
  /** Uncompressed size of xl/sharedStrings.xml. */
  readonly sharedStringsBytes: number;
  /** The largest single worksheet part, uncompressed. */
  readonly largestSheetXmlBytes: number;
}

/**
 * What the ordinary ExcelJS reader plus the conversion to a grid keep in the heap, measured on
 * Node 20 with ExcelJS 4.4.0 (see the README, "Large workbooks"). Memory goes with the number of
 * cells far more than with the bytes: Node ran out of heap at 1 GB between 2.0 and 2.4 million
 * cells of a ledger (42 bytes of XML per cell) and between 2.5 and 3.0 million small integers
 * (31 bytes per cell), i.e. at 360-450 heap bytes per cell. 500 per cell leaves a margin.
 */
export const HEAP_BYTES_PER_CELL = 500;

/**
 * When the cells have not been counted: an upper bound per byte of sheet XML. The smallest cell
 * Excel writes, <c r="A1"><v>1</v></c>, is 22 bytes, so 500 / 22 is about 23 heap bytes per byte.
 */
export const HEAP_BYTES_PER_XML_BYTE = 24;

/**
 * ExcelJS turns each worksheet part into one JavaScript string, and V8 strings hold at most
 * 2^29 - 24 characters (about 512 MiB): a larger part cannot be read whatever the memory.
 */
export const MAX_SHEET_XML_BYTES = 2 ** 29 - 24;

/**
 * Heap the read is expected to need at its peak, in bytes: from the number of cells where they
 * were counted (countCells), otherwise an upper bound from the size of the sheet XML.
 */
export function estimateReadHeapBytes(inspection: XlsxInspection, cells?: number): number {
  const xml = inspection.sheetXmlBytes + inspection.sharedStringsBytes;
  const base = 2 * inspection.fileBytes;
  if (cells === undefined) return HEAP_BYTES_PER_XML_BYTE * xml + base;
  // Each part is also held once as a string while it is parsed.
  return HEAP_BYTES_PER_CELL * cells + xml + base;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function asciiStart(bytes: Uint8Array, n: number): string {
  let s = "";
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** True when the UTF-16LE text occurs in the bytes (names inside an OLE compound file). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < text.length; j++)
      if (bytes[i + 2 * j] !== text.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

const SAVE_AS_XLSX = "Open it in Excel and save it as an Excel Workbook (.xlsx), then try again.";

/**
 * Checks that the bytes are an .xlsx workbook and lists its parts. Throws
 * UnreadableWorkbookError with a plain-English reason when they are not.
 */
export function inspectXlsx(data: ArrayBuffer | Uint8Array): XlsxInspection {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0)
    throw new UnreadableWorkbookError("empty", "The file is empty (0 bytes).");
  if (startsWith(bytes, OLE)) {
    if (containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo"))
      throw new UnreadableWorkbookError(
        "encrypted",
        "The workbook is protected with a password to open, so it cannot be read. Save a copy without the password (File > Info > Protect Workbook) and try again."
      );
    throw new UnreadableWorkbookError(
      "legacyXls",
      `This is an Excel 97-2003 workbook (.xls), which cannot be read. ${SAVE_AS_XLSX}`
    );
  }
  if (!startsWith(bytes, ZIP) && !startsWith(bytes, ZIP_EMPTY)) {
    const head = asciiStart(bytes, 512)
      .replace(/^\uFEFF|^\xEF\xBB\xBF/, "")
      .trimStart();
    if (/^<\?xml/i.test(head) && /urn:schemas-microsoft-com:office:spreadsheet/i.test(head))
      throw new UnreadableWorkbookError(
        "notXlsx",
        `This is an Excel 2003 XML spreadsheet, which cannot be read. ${SAVE_AS_XLSX}`
      );
    if (/^<(!doctype html|html)/i.test(head))
      throw new UnreadableWorkbookError(
        "notXlsx",
        `This is a web page (HTML), not an Excel workbook. ${SAVE_AS_XLSX}`
      );
    throw new UnreadableWorkbookError(
      "notXlsx",
      `This is not an Excel workbook (.xlsx). If it is a CSV or text file, ${SAVE_AS_XLSX.charAt(0).toLowerCase()}${SAVE_AS_XLSX.slice(1)}`
    );
  }
  const entries = readCentralDirectory(bytes);
  const names = new Set(entries.map((e) => e.name.replace(/^\//, "").toLowerCase()));
  if (!names.has("xl/workbook.xml")) {
    if (names.has("xl/workbook.bin"))
      throw new UnreadableWorkbookError(
        "xlsb",
        `This is an Excel Binary Workbook (.xlsb), which cannot be read. ${SAVE_AS_XLSX}`
      );
    if (names.has("word/document.xml"))
      throw new UnreadableWorkbookError(
        "otherDocument",
        "This is a Word document, not an Excel workbook."
      );
    if (names.has("ppt/presentation.xml"))
      throw new UnreadableWorkbookError(
        "otherDocument",
        "This is a PowerPoint presentation, not an Excel workbook."
      );
    if (names.has("content.xml") && names.has("mimetype"))
      throw new UnreadableWorkbookError(
        "otherDocument",
        `This is an OpenDocument spreadsheet (.ods), which cannot be read. ${SAVE_AS_XLSX}`
      );
    throw new UnreadableWorkbookError(
      "notXlsx",
      "The file is a zip archive but not an Excel workbook (it has no workbook part)."
    );
  }
  if (entries.some((e) => e.encrypted))
    throw new UnreadableWorkbookError(
      "encrypted",
      "The workbook's parts are encrypted, so it cannot be read. Save a copy without a password and try again."
    );
  let sheetXmlBytes = 0;
  let sharedStringsBytes = 0;
  let largestSheetXmlBytes = 0;
  for (const e of entries) {
    const name = e.name.replace(/^\//, "").toLowerCase();
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      sheetXmlBytes += e.uncompressedBytes;
      largestSheetXmlBytes = Math.max(largestSheetXmlBytes, e.uncompressedBytes);
    } else if (name === "xl/sharedstrings.xml") sharedStringsBytes += e.uncompressedBytes;
  }
  return {
    fileBytes: bytes.length,
    entries,
    sheetXmlBytes,
    sharedStringsBytes,
    largestSheetXmlBytes,
  };
}

/**
 * Refuses, with a clear message, a workbook whose read would pass the memory budget or a limit
 * of the reader itself. `budgetBytes` is the heap the caller can give the read. When the quick
 * upper bound passes the budget, the cells are counted (decompressing the sheets, which takes
 * about a second for 20 MB) for a closer estimate.
 */
export async function checkReadable(
  bytes: Uint8Array,
  inspection: XlsxInspection,
  budgetBytes: number | undefined,
  advice: string | ((needBytes: number) => string) = ""
): Promise<void> {
  if (inspection.largestSheetXmlBytes > MAX_SHEET_XML_BYTES)
    throw new UnreadableWorkbookError(
      "tooLarge",
      `The workbook is too large to read: one sheet holds ${formatBytes(inspection.largestSheetXmlBytes)} of cell data, and the reader can take at most ${formatBytes(MAX_SHEET_XML_BYTES)} per sheet. Split the sheet or remove unused rows, then try again.`
    );
  if (budgetBytes === undefined || estimateReadHeapBytes(inspection) <= budgetBytes) return;
  const cells = await countCells(bytes, inspection);
  const need = estimateReadHeapBytes(inspection, cells);
  if (need <= budgetBytes) return;
  const what =
    cells === undefined
      ? `${formatBytes(inspection.sheetXmlBytes + inspection.sharedStringsBytes)} of cell data`
      : `${formatNumber(cells / 1e6, 1)} million cells`;
  const tip = typeof advice === "function" ? advice(need) : advice;
  throw new UnreadableWorkbookError(
    "tooLarge",
    `The workbook is too large to read with the memory available: the ${formatBytes(inspection.fileBytes)} file holds ${what} and needs about ${formatBytes(need)} of memory, but ${formatBytes(budgetBytes)} is available.${tip ? ` ${tip}` : ""}`
  );
}

/** Counts "<c " / "<c>" / "<c/>" cell tags across chunk boundaries. */
class CellTagCounter {
  count = 0;
  private state = 0; // 0: nothing, 1: just saw "<", 2: just saw "<c"
  feed(chunk: Uint8Array): void {
    let state = this.state;
    let count = this.count;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (state === 2 && (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x0a || b === 0x09))
        count++;
      state = b === 0x3c ? 1 : state === 1 && b === 0x63 ? 2 : 0;
    }
    this.state = state;
    this.count = count;
  }
}

/**
 * The number of cells in the workbook's sheets, counted in the decompressed XML without parsing
 * it; undefined where this runtime cannot decompress (no DecompressionStream "deflate-raw").
 */
export async function countCells(
  bytes: Uint8Array,
  inspection: XlsxInspection
): Promise<number | undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const counter = new CellTagCounter();
  for (const e of inspection.entries) {
    if (!/^\/?xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    const h = e.localHeaderOffset;
    if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL_ENTRY) return undefined;
    const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
    const data = bytes.subarray(start, start + e.compressedBytes);
    if (e.method === 0) counter.feed(data);
    else if (e.method === 8) {
      if (!(await inflateInto(data, counter))) return undefined;
    } else return undefined;
  }
  return counter.count;
}

async function inflateInto(data: Uint8Array, counter: CellTagCounter): Promise<boolean> {
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream("deflate-raw");
  } catch {
    return false;
  }
  const writer = stream.writable.getWriter();
  // The writes settle as the reader drains them; their failures surface in the reader too.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      counter.feed(value as Uint8Array);
    }
  } catch {
    throw corrupt("a sheet part cannot be decompressed");
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

function corrupt(detail: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    "corrupt",
    "The workbook file is damaged or incomplete (it may not have finished downloading or copying). Open it in Excel to repair it, save it, and try again.",
    detail
  );
}

/** The zip's central directory: each part's name, sizes and encryption flag. */
function readCentralDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt("no end of central directory record");
  let count = view.getUint16(eocd + 10, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (
    (count === 0xffff || cdOffset === 0xffffffff) &&
    eocd >= 20 &&
    view.getUint32(eocd - 20, true) === ZIP64_LOCATOR
  ) {
    const z = Number(view.getBigUint64(eocd - 20 + 8, true));
    if (z + 56 > bytes.length || view.getUint32(z, true) !== ZIP64_EOCD)
      throw corrupt("bad zip64 end of central directory");
    count = Number(view.getBigUint64(z + 32, true));
    cdOffset = Number(view.getBigUint64(z + 48, true));
  }
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_ENTRY)
      throw corrupt(`central directory entry ${n} missing`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    let compressed = view.getUint32(p + 20, true);
    let uncompressed = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > bytes.length) throw corrupt("entry runs past the end");
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64: the real sizes are in the extra field 0x0001, uncompressed first.
    if (
      uncompressed === 0xffffffff ||
      compressed === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      let e = p + 46 + nameLength;
      const end = e + extraLength;
      while (e + 4 <= end) {
        const id = view.getUint16(e, true);
        const size = view.getUint16(e + 2, true);
        if (id === 0x0001) {
          let f = e + 4;
          if (uncompressed === 0xffffffff) {
            uncompressed = Number(view.getBigUint64(f, true));
            f += 8;
          }
          if (compressed === 0xffffffff) {
            compressed = Number(view.getBigUint64(f, true));
            f += 8;
          }
          if (localHeaderOffset === 0xffffffff)
            localHeaderOffset = Number(view.getBigUint64(f, true));
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({
      name,
      compressedBytes: compressed,
      uncompressedBytes: uncompressed,
      encrypted: (flags & 1) === 1,
      method,
      localHeaderOffset,
      centralOffset: p,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
