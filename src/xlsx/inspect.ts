/**
 * A quick look at a file's bytes before it is parsed: which spreadsheet format it is (.xlsx,
 * .xlsb, .ods, .xls, Excel 2003 XML, a web page table or text), whether it is something else
 * (a Word file, a PDF, an encrypted workbook), and for zip formats how much memory reading will
 * take. It reads only the zip's central directory, so it costs nothing even for a 40 MB file.
 *
 * No Node imports: the preview runs this in the browser.
 */
import { formatBytes, formatNumber } from "../core/format";

/** Why a file could not be read, for callers that act on the kind (the CLI's exit code, tests). */
export type UnreadableReason =
  | "notFound"
  | "notAFile"
  | "empty"
  | "notSpreadsheet"
  | "otherDocument"
  | "encrypted"
  | "corrupt"
  | "tooLarge"
  | "tooSlow"
  | "notABudget";

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

/** The formats the reader takes. */
export type SpreadsheetFormat = "xlsx" | "xlsb" | "xls" | "ods" | "csv" | "xml2003" | "html";

export interface SniffedSpreadsheet {
  readonly format: SpreadsheetFormat;
  /** The zip directory of .xlsx, .xlsm, .xlsb and .ods files. */
  readonly zip?: XlsxInspection;
}

/** The one line for a workbook with a password to open, whatever its format. */
export const ENCRYPTED =
  "The workbook is protected with a password to open, so it cannot be read. Save a copy without the password (in Excel: File > Info > Protect Workbook) and try again.";

/** File names whose format is a zip or a binary file, never text. */
const BINARY_EXTENSION = /\.(xlsx|xlsm|xltx|xltm|xlsb|ods|ots)$/i;

/**
 * Which spreadsheet format the bytes are, from what they hold (not the file's name). Throws
 * UnreadableWorkbookError with a plain-English reason when they are no spreadsheet at all.
 */
export function sniffSpreadsheet(
  data: ArrayBuffer | Uint8Array,
  fileName?: string
): SniffedSpreadsheet {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0)
    throw new UnreadableWorkbookError("empty", "The file is empty (0 bytes).");
  if (startsWith(bytes, OLE)) {
    if (containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo"))
      throw new UnreadableWorkbookError("encrypted", ENCRYPTED);
    if (containsUtf16(bytes, "WordDocument"))
      throw new UnreadableWorkbookError(
        "otherDocument",
        "This is a Word document, not a spreadsheet."
      );
    if (containsUtf16(bytes, "PowerPoint Document"))
      throw new UnreadableWorkbookError(
        "otherDocument",
        "This is a PowerPoint presentation, not a spreadsheet."
      );
    return { format: "xls" };
  }
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) return sniffZip(bytes);
  const head = asciiStart(bytes, 1024)
    .replace(/^\xEF\xBB\xBF/, "")
    .trimStart();
  if (head.startsWith("%PDF"))
    throw new UnreadableWorkbookError(
      "otherDocument",
      "This is a PDF document, not a spreadsheet. Ask for the figures as a workbook or a CSV file."
    );
  if (fileName && BINARY_EXTENSION.test(fileName))
    throw new UnreadableWorkbookError(
      "notSpreadsheet",
      `The file is named ${fileName.replace(/^.*[\\/]/, "")} but is not that kind of workbook: it holds ${looksLikeText(bytes) ? "text" : "something else"}. If it is a CSV file, rename it to .csv and try again.`
    );
  if (/^<\?xml/i.test(head) && /urn:schemas-microsoft-com:office:spreadsheet/i.test(head))
    return { format: "xml2003" };
  if (/^<(!doctype html|html|table)/i.test(head)) return { format: "html" };
  // Old binary .xls formats (Excel 2-4) start with a BIFF record rather than the OLE header.
  if (
    fileName &&
    /\.xls$/i.test(fileName) &&
    bytes[1] === 0x00 &&
    [0x09, 0x02, 0x04].includes(bytes[0])
  )
    return { format: "xls" };
  if (!looksLikeText(bytes))
    throw new UnreadableWorkbookError(
      "notSpreadsheet",
      "This is not a spreadsheet: it is neither a workbook (.xlsx, .xls, .ods) nor a text file such as a CSV."
    );
  return { format: "csv" };
}

/** No NUL or other control bytes in the first 4 KB (besides tab, CR, LF, form feed), or a UTF-16 byte-order mark. */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return true;
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return true;
}

function sniffZip(bytes: Uint8Array): SniffedSpreadsheet {
  const entries = readCentralDirectory(bytes);
  // openpyxl and others write absolute part names ("/xl/workbook.xml"); names compare without case.
  const names = new Set(entries.map((e) => partName(e.name)));
  const has = (n: string) => names.has(n);
  let format: SpreadsheetFormat;
  if (has("xl/workbook.bin")) format = "xlsb";
  else if (
    [...names].some((n) => /^xl\/[^/]*workbook[^/]*\.xml$/.test(n)) ||
    has("xl/workbook.xml")
  )
    format = "xlsx";
  else if (has("content.xml") && (has("mimetype") || has("meta-inf/manifest.xml"))) format = "ods";
  else if (has("word/document.xml"))
    throw new UnreadableWorkbookError(
      "otherDocument",
      "This is a Word document, not a spreadsheet."
    );
  else if (has("ppt/presentation.xml"))
    throw new UnreadableWorkbookError(
      "otherDocument",
      "This is a PowerPoint presentation, not a spreadsheet."
    );
  else
    throw new UnreadableWorkbookError(
      "notSpreadsheet",
      "The file is a zip archive but not a spreadsheet (it has no workbook part)."
    );
  if (entries.some((e) => e.encrypted)) throw new UnreadableWorkbookError("encrypted", ENCRYPTED);
  return { format, zip: summarise(bytes, entries) };
}

/** A zip part's name as the formats mean it: no leading slash, lower case. */
function partName(name: string): string {
  return name.replace(/^\//, "").toLowerCase();
}

function summarise(bytes: Uint8Array, entries: ZipEntryInfo[]): XlsxInspection {
  let sheetXmlBytes = 0;
  let sharedStringsBytes = 0;
  let largestSheetXmlBytes = 0;
  for (const e of entries) {
    const name = partName(e.name);
    if (/^xl\/worksheets\/[^/]+\.(xml|bin)$/.test(name) || name === "content.xml") {
      sheetXmlBytes += e.uncompressedBytes;
      largestSheetXmlBytes = Math.max(largestSheetXmlBytes, e.uncompressedBytes);
    } else if (name === "xl/sharedstrings.xml" || name === "xl/sharedstrings.bin")
      sharedStringsBytes += e.uncompressedBytes;
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
 * Checks that the bytes are a zip-based workbook (.xlsx, .xlsb, .ods) and lists its parts.
 * Throws UnreadableWorkbookError with a plain-English reason when they are not.
 */
export function inspectXlsx(data: ArrayBuffer | Uint8Array): XlsxInspection {
  const sniffed = sniffSpreadsheet(data);
  if (!sniffed.zip)
    throw new UnreadableWorkbookError(
      "notSpreadsheet",
      "This is not a zip-based workbook (.xlsx, .xlsb or .ods)."
    );
  return sniffed.zip;
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

/**
 * Counts "<c " / "<c>" / "<c/>" cell tags, with or without a namespace prefix ("<x:c "), across
 * chunk boundaries.
 */
class CellTagCounter {
  count = 0;
  // 0: nothing, 1: just saw "<", 2: just saw "<c" or "<prefix:c", 3: in a prefix, 4: saw "<prefix:"
  private state = 0;
  feed(chunk: Uint8Array): void {
    let state = this.state;
    let count = this.count;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x3c) {
        state = 1;
        continue;
      }
      const name =
        (b >= 0x61 && b <= 0x7a) ||
        (b >= 0x41 && b <= 0x5a) ||
        (b >= 0x30 && b <= 0x39) ||
        b === 0x5f;
      if (state === 2) {
        if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x0a || b === 0x09 || b === 0x0d) {
          count++;
          state = 0;
        } else state = b === 0x3a ? 4 : name ? 3 : 0;
      } else if (state === 1) state = b === 0x63 ? 2 : name ? 3 : 0;
      else if (state === 3) state = b === 0x3a ? 4 : name ? 3 : 0;
      else if (state === 4) state = b === 0x63 ? 2 : 0;
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
  const counter = new CellTagCounter();
  // Only .xlsx sheets are XML with <c> cells; for .xlsb and .ods there is no count.
  if (!inspection.entries.some((e) => /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(e.name)))
    return undefined;
  for (const e of inspection.entries) {
    if (!/^\/?xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    if (!(await streamPart(bytes, e, (chunk) => counter.feed(chunk)))) return undefined;
  }
  return counter.count;
}

/**
 * Hands a zip part's uncompressed bytes to `onChunk` as they are decompressed, without holding
 * the whole part. False where this runtime cannot decompress (no DecompressionStream
 * "deflate-raw") or the part is stored in a way not read here; throws UnreadableWorkbookError
 * when the part is damaged.
 */
export async function streamPart(
  bytes: Uint8Array,
  e: ZipEntryInfo,
  onChunk: (chunk: Uint8Array) => void
): Promise<boolean> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = e.localHeaderOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL_ENTRY) return false;
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const data = bytes.subarray(start, start + e.compressedBytes);
  if (e.method === 0) {
    onChunk(data);
    return true;
  }
  if (e.method !== 8) return false;
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
      onChunk(value as Uint8Array);
    }
  } catch {
    throw corrupt(`the part ${e.name} cannot be decompressed`);
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
