/**
 * A quick look at a file's bytes before ExcelJS is asked to read it: is it an .xlsx at all (or an
 * old .xls, an encrypted workbook, a Word file, a CSV), and how much memory will reading it take?
 * It reads only the zip's central directory, so it costs nothing even for a 40 MB file.
 *
 * No Node imports: the preview runs this in the browser.
 */

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
 * Heap bytes the ordinary ExcelJS reader plus the conversion to a grid use per byte of
 * uncompressed sheet and shared-string XML. Measured on Node 20 with ExcelJS 4.4.0 on
 * ledger-like sheets (8 columns of text, numbers and dates; 50,000 to 400,000 rows):
 * 9.5 to 11.5 heap bytes per XML byte at peak; 14 leaves room for styles and long rows.
 */
export const HEAP_BYTES_PER_XML_BYTE = 14;

/**
 * ExcelJS turns each worksheet part into one JavaScript string, and V8 strings hold at most
 * 2^29 - 24 characters (about 512 MiB): a larger part cannot be read whatever the memory.
 */
export const MAX_SHEET_XML_BYTES = 2 ** 29 - 24;

/** Heap the read is expected to need at its peak, in bytes. */
export function estimateReadHeapBytes(inspection: XlsxInspection): number {
  return (
    HEAP_BYTES_PER_XML_BYTE * (inspection.sheetXmlBytes + inspection.sharedStringsBytes) +
    3 * inspection.fileBytes
  );
}

const MB = 1024 * 1024;

/** "12.3 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
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
 * of the reader itself. `budgetBytes` is the heap the caller can give the read.
 */
export function checkReadable(
  inspection: XlsxInspection,
  budgetBytes: number | undefined,
  advice = ""
): void {
  if (inspection.largestSheetXmlBytes > MAX_SHEET_XML_BYTES)
    throw new UnreadableWorkbookError(
      "tooLarge",
      `The workbook is too large to read: one sheet holds ${formatMegabytes(inspection.largestSheetXmlBytes)} of cell data, and the reader can take at most ${formatMegabytes(MAX_SHEET_XML_BYTES)} per sheet. Split the sheet or remove unused rows, then try again.`
    );
  if (budgetBytes === undefined) return;
  const need = estimateReadHeapBytes(inspection);
  if (need > budgetBytes)
    throw new UnreadableWorkbookError(
      "tooLarge",
      `The workbook is too large to read with the memory available: the ${formatMegabytes(inspection.fileBytes)} file holds ${formatMegabytes(inspection.sheetXmlBytes + inspection.sharedStringsBytes)} of cell data and needs about ${formatMegabytes(need)} of memory, but ${formatMegabytes(budgetBytes)} is available.${advice ? ` ${advice}` : ""}`
    );
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;

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
    let compressed = view.getUint32(p + 20, true);
    let uncompressed = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > bytes.length) throw corrupt("entry runs past the end");
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64: the real sizes are in the extra field 0x0001, uncompressed first.
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) {
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
          if (compressed === 0xffffffff) compressed = Number(view.getBigUint64(f, true));
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
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
