/**
 * Reads a spreadsheet file into the core's WorkbookGrid: .xlsx and .xlsm from any writer, .xlsb,
 * .xls (Excel 97-2003 and 5.0), .ods, Excel 2003 XML, and .csv/.txt (see ./csv.ts). SheetJS
 * Community Edition parses the file (see the README, "Reading files", for why this library);
 * this module turns its cells into the grid's plain values. Used in Node by the command line and
 * in the browser by the preview, so it takes bytes and has no Node imports.
 *
 * - merged ranges: only the master cell keeps a value; the range is recorded in `merges`;
 * - formulas: the cached result, with the formula text as Excel shows it ("=SUM(B2:B3)") in
 *   `formulas`; a workbook saved without any calculated results gets one finding
 *   (FORMULAS_NOT_CALCULATED);
 * - errors (#REF!, alone or as a formula's result): an ErrorValue and a finding;
 * - rich text and hyperlinks: their text; an empty string is an empty cell, as Office.js says;
 * - dates: a number whose format is a date format becomes a Date (UTC), counted in the
 *   workbook's own date system (1900, with Excel's 29 February 1900, or 1904);
 * - number formats other than General, hidden rows and columns, sheet visibility and the
 *   add-in's ownership marks (src/core/ownership.ts) are kept.
 * Chart sheets and macro sheets hold no cells and are left out.
 */
import * as XLSX from "@e965/xlsx";
import {
  CellRange,
  CellValue,
  SheetGrid,
  SheetVisibility,
  WorkbookGrid,
  a1,
  formatRef,
} from "../core/grid";
import { serialToDate } from "../core/dates";
import { Finding, finding } from "../core/findings";
import { DefinedNameEntry, SheetRole, ownedSheetsFromNames } from "../core/ownership";
import { csvValue, decideDecimalMark, decodeText, guessSeparator } from "./csv";
import {
  ENCRYPTED,
  SpreadsheetFormat,
  UnreadableWorkbookError,
  checkReadable,
  sniffSpreadsheet,
} from "./inspect";
import { formatCount } from "../core/format";
import { OdsSheetLayout, indexesOf, readOdsLayout } from "./odsLayout";
import { withoutFormattingNotes } from "./sheetjsNotes";

export { UnreadableWorkbookError } from "./inspect";

export interface XlsxReadOptions {
  /**
   * Heap the read may use, in bytes. A workbook expected to need more is refused with an
   * UnreadableWorkbookError ("tooLarge") before it is parsed, instead of running out of memory.
   */
  readonly memoryBudgetBytes?: number;
  /** Added to the "too large" message: what the user can do here (given the memory needed). */
  readonly tooLargeAdvice?: string | ((needBytes: number) => string);
  /** Findings of one kind listed per sheet before the rest are summed up in one (default 20). */
  readonly maxFindingsPerSheet?: number;
  /** Most cells (with a value) the workbook may hold; more is refused as too large. */
  readonly maxCells?: number;
}

export interface XlsxReadResult {
  readonly workbook: WorkbookGrid;
  /** Problems met while reading (error values; a workbook saved without calculated results). */
  readonly findings: Finding[];
  /** The role recorded in each add-in sheet's ownership mark, by sheet name. */
  readonly roles: ReadonlyMap<string, SheetRole>;
  /** What the file was read as. */
  readonly format: SpreadsheetFormat;
}

/**
 * The most cells a workbook may hold by default: 20 million, ten times the largest real budget
 * workbook met and well beyond a 200,000-line ledger (about 1.2 million cells).
 */
export const DEFAULT_MAX_CELLS = 20_000_000;

/** What each Excel error value means, in plain English. */
const ERROR_MEANINGS: Readonly<Record<string, string>> = {
  "#REF!": "a reference to cells that were deleted",
  "#DIV/0!": "a division by zero",
  "#N/A": "a value that is not available (often a lookup that found nothing)",
  "#NAME?": "a name or function Excel does not recognise",
  "#VALUE!": "a calculation on the wrong kind of value, such as text where a number was expected",
  "#NUM!": "a number that cannot be calculated",
  "#NULL!": "ranges that do not meet",
  "#SPILL!": "a result that has no room to spill into",
  "#CALC!": "a calculation Excel could not finish",
};

/** Excel's error codes as the file formats store them (BIFF and SheetJS's cell.v). */
const ERROR_CODES: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** Collects findings of one kind per sheet, listing the first few and counting the rest. */
class CappedFindings {
  private readonly counts = new Map<string, number>();
  constructor(
    private readonly out: Finding[],
    private readonly cap: number
  ) {}
  add(sheet: string, code: string, make: () => Finding): void {
    const key = `${sheet}\u0000${code}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= this.cap) this.out.push(make());
  }
  summarise(describe: (code: string, sheet: string, more: number) => Finding | undefined): void {
    for (const [key, n] of this.counts) {
      if (n <= this.cap) continue;
      const [sheet, code] = key.split("\u0000");
      const f = describe(code, sheet, n - this.cap);
      if (f) this.out.push(f);
    }
  }
}

function errorFinding(sheet: string, row: number, col: number, error: string): Finding {
  const meaning = ERROR_MEANINGS[error.toUpperCase()];
  return finding(
    "warning",
    "CELL_ERROR_VALUE",
    `${formatRef({ sheet, address: a1(row, col) })} shows the error ${error}${meaning ? ` (${meaning})` : ""}, so it holds no figure the add-in can use.`,
    { sheet, address: a1(row, col) },
    "Correct the formula or value in that cell in Excel, save the workbook and run the add-in again."
  );
}

/**
 * What the reader saw of formulas' saved results. A formula whose saved result is an empty
 * string (common: =IF(x,"",...)) looks like one never calculated, so a single cell proves
 * nothing; a workbook where no formula has a saved result was written by a program that does
 * not calculate, and its totals would all read as empty.
 */
interface FormulaTally {
  withResult: number;
  withoutResult: number;
  first?: { sheet: string; row: number; col: number };
}

function notCalculatedFinding(tally: FormulaTally): Finding | undefined {
  if (tally.withResult > 0 || tally.withoutResult === 0 || !tally.first) return undefined;
  const { sheet, row, col } = tally.first;
  const n = tally.withoutResult;
  return finding(
    "warning",
    "FORMULAS_NOT_CALCULATED",
    `${n === 1 ? "The formula" : `All ${formatCount(n)} formulas`} in this workbook (from ${formatRef({ sheet, address: a1(row, col) })}) ${n === 1 ? "has" : "have"} no saved result, so ${n === 1 ? "it reads" : "they read"} as empty. The file was probably written by a program that does not calculate.`,
    { sheet, address: a1(row, col) },
    "Open the workbook in Excel, let it calculate, save it and try again."
  );
}

/** Formats SheetJS may report for a cell that mean "no format". */
function isGeneral(format: string | undefined): boolean {
  return !format || format === "General" || format === "general";
}

/** A cell's number format as text (SheetJS may give the index of a built-in format). */
function formatOf(cell: XLSX.CellObject): string | undefined {
  const z = cell.z;
  if (typeof z === "number") return XLSX.SSF.get_table()[z];
  return z;
}

interface Converted {
  value: CellValue;
  /** True for a formula whose file holds no saved result. */
  noResult?: boolean;
}

function convertCell(cell: XLSX.CellObject, date1904: boolean, csvTyping: boolean): Converted {
  // SheetJS keeps a formula saved without a result as a stub ("z", with v 0).
  const noResult = !!cell.f && (cell.v === undefined || cell.t === "z");
  switch (cell.t) {
    case "n": {
      const v = cell.v as number;
      if (typeof v !== "number" || !Number.isFinite(v)) return { value: null, noResult };
      const format = formatOf(cell);
      if (format && !isGeneral(format) && XLSX.SSF.is_date(format)) {
        const d = serialToDate(v, date1904 ? 1904 : 1900);
        if (d) return { value: d };
      }
      return { value: v };
    }
    case "s": {
      const v = cell.v === undefined || cell.v === null ? "" : String(cell.v);
      if (csvTyping) return { value: v };
      return { value: v === "" ? null : v, noResult: noResult && v === "" };
    }
    case "b":
      return { value: cell.v === undefined ? null : !!cell.v, noResult };
    case "e": {
      const text =
        typeof cell.w === "string" && cell.w.startsWith("#")
          ? cell.w
          : (ERROR_CODES[cell.v as number] ?? "#VALUE!");
      return { value: { error: text } };
    }
    case "d": {
      const v = cell.v;
      const d = v instanceof Date ? v : typeof v === "string" ? new Date(v) : undefined;
      return { value: d && !Number.isNaN(d.getTime()) ? d : null };
    }
    default:
      // "z": a stub (a styled cell with no value), or a formula never calculated.
      return { value: null, noResult };
  }
}

function visibilityOf(hidden: number | undefined): SheetVisibility {
  return hidden === 2 ? "veryHidden" : hidden === 1 ? "hidden" : "visible";
}

/** The defined names, as the ownership convention reads them. */
function definedNamesOf(wb: XLSX.WorkBook): DefinedNameEntry[] {
  return (wb.Workbook?.Names ?? [])
    .filter((n) => typeof n.Name === "string" && typeof n.Ref === "string")
    .map((n) => ({ name: n.Name, reference: n.Ref }));
}

interface SheetContext {
  readonly date1904: boolean;
  readonly csv?: { readonly mark: "." | "," };
  readonly findings: CappedFindings;
  readonly tally: FormulaTally;
}

function sheetToGrid(
  name: string,
  ws: XLSX.WorkSheet,
  visibility: SheetVisibility,
  owned: boolean,
  ctx: SheetContext,
  /** For an .ods file, its hidden rows and columns (SheetJS does not read them). */
  layout?: OdsSheetLayout
): SheetGrid {
  const data = (ws["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const merges: CellRange[] = ((ws["!merges"] ?? []) as XLSX.Range[])
    .map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  // Cells covered by a merge, other than its master, hold nothing (keyed row -> columns).
  const covered = new Map<number, [number, number][]>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++) {
      const from = r === m.top ? m.left + 1 : m.left;
      if (from > m.right) continue;
      let list = covered.get(r);
      if (!list) covered.set(r, (list = []));
      list.push([from, m.right]);
    }

  const values: CellValue[][] = [];
  let numberFormats: (string | undefined)[][] | undefined;
  let formulas: (string | undefined)[][] | undefined;
  const { findings, tally } = ctx;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    const out: CellValue[] = [];
    const skip = covered.get(r);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || (cell.t === "z" && !cell.f)) continue;
      if (skip && skip.some(([a, b]) => c >= a && c <= b)) continue;
      let value: CellValue;
      let format = formatOf(cell);
      let noResult = false;
      if (ctx.csv && cell.t === "s") {
        const typed = csvValue(String(cell.v ?? ""), ctx.csv.mark);
        value = typed.value;
        format = typed.numberFormat;
      } else {
        const conv = convertCell(cell, ctx.date1904, false);
        value = conv.value;
        noResult = !!conv.noResult;
      }
      if (value !== null) {
        while (out.length < c) out.push(null);
        out[c] = value;
        if (!isGeneral(format)) {
          numberFormats ??= [];
          (numberFormats[r] ??= [])[c] = format;
        }
        if (typeof value === "object" && !(value instanceof Date)) {
          const error = value.error;
          findings.add(name, "CELL_ERROR_VALUE", () => errorFinding(name, r, c, error));
        }
      }
      if (cell.f) {
        formulas ??= [];
        (formulas[r] ??= [])[c] = cell.f.startsWith("=") ? cell.f : `=${cell.f}`;
        if (!noResult) tally.withResult++;
        else if (tally.withoutResult++ === 0) tally.first = { sheet: name, row: r, col: c };
      }
    }
    if (out.length > 0) {
      while (values.length < r) values.push([]);
      values[r] = out;
    }
  }

  const hiddenRows = layout
    ? indexesOf(layout.hiddenRows, values.length)
    : ((ws["!rows"] ?? []) as (XLSX.RowInfo | undefined)[]).flatMap((info, r) =>
        info?.hidden ? [r] : []
      );
  const hiddenColumns = layout
    ? indexesOf(layout.hiddenColumns, Math.max(0, ...values.map((r) => r.length)))
    : ((ws["!cols"] ?? []) as (XLSX.ColInfo | undefined)[]).flatMap((info, c) =>
        info?.hidden ? [c] : []
      );
  const sheet: { -readonly [K in keyof SheetGrid]: SheetGrid[K] } = {
    name,
    values,
    visibility,
    addinOwned: owned,
  };
  if (numberFormats) sheet.numberFormats = fill(numberFormats, values.length);
  if (formulas) sheet.formulas = fill(formulas, values.length);
  if (hiddenRows.length) sheet.hiddenRows = hiddenRows;
  if (hiddenColumns.length) sheet.hiddenColumns = hiddenColumns;
  if (merges.length) sheet.merges = merges;
  return sheet;
}

/** Sparse row arrays made dense (holes become empty rows / undefined cells). */
function fill<T>(rows: T[][], length: number): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < Math.max(length, rows.length); r++)
    out.push(rows[r] ? Array.from(rows[r]) : []);
  return out;
}

/** The cells holding something (a value or a formula) across the parsed sheets. */
function countParsedCells(wb: XLSX.WorkBook): number {
  let n = 0;
  for (const name of wb.SheetNames) {
    const data = (wb.Sheets[name]?.["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
    for (const row of data) if (row) for (const cell of row) if (cell && cell.t !== "z") n++;
  }
  return n;
}

/** SheetJS's options: dense sheets, formulas and number formats kept, no text or HTML made. */
const PARSE_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellFormula: true,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  // Hidden rows are read only with styles on (SheetJS keeps them with the row heights).
  cellStyles: true,
  cellDates: false,
  // A formula saved without a result is kept only as a stub ("z"); without stubs it is dropped.
  sheetStubs: true,
  bookVBA: false,
  WTF: false,
};

function parse(bytes: Uint8Array, format: SpreadsheetFormat, fileName: string | undefined) {
  if (format === "csv") {
    const { text } = decodeText(bytes);
    const sep = guessSeparator(text);
    const body = text.replace(/^sep=.\r?\n/, "");
    // Excel names a CSV's one sheet after the file (31 characters at most).
    const base = (fileName ?? "Sheet1").replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
    const sheet = (base || "Sheet1").replace(/[\\/?*[\]:]/g, "_").slice(0, 31);
    const wb = withoutFormattingNotes(() =>
      XLSX.read(body, { type: "string", raw: true, dense: true, FS: sep, sheet })
    );
    const ws = wb.Sheets[wb.SheetNames[0]];
    // Array.from visits the holes SheetJS leaves for lines of empty fields (",,,"); map would not.
    const rows = Array.from((ws?.["!data"] ?? []) as (XLSX.CellObject | undefined)[][], (r) =>
      Array.from(r ?? [], (c) => (c && c.t === "s" ? String(c.v ?? "") : ""))
    );
    return { wb, csv: { mark: decideDecimalMark(rows, sep) } };
  }
  return {
    wb: withoutFormattingNotes(() => XLSX.read(bytes, { ...PARSE_OPTIONS, type: "array" })),
  };
}

/**
 * Reads spreadsheet bytes into a WorkbookGrid. Throws UnreadableWorkbookError (plain English)
 * when the bytes are not a readable workbook or are too large; every problem inside a readable
 * workbook is a finding instead.
 */
export async function readSpreadsheet(
  data: ArrayBuffer | Uint8Array,
  fileName?: string,
  options: XlsxReadOptions = {}
): Promise<XlsxReadResult> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const sniffed = sniffSpreadsheet(bytes, fileName);
  if (sniffed.zip)
    await checkReadable(bytes, sniffed.zip, options.memoryBudgetBytes, options.tooLargeAdvice);

  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(bytes, sniffed.format, fileName);
  } catch (e) {
    throw failure(e, sniffed.format);
  }
  const { wb, csv } = parsed;
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const cells = countParsedCells(wb);
  if (cells > maxCells)
    throw new UnreadableWorkbookError(
      "tooLarge",
      `The workbook is too large to read: it holds ${formatCount(cells)} cells, and at most ${formatCount(maxCells)} are read. Remove unused sheets or rows, or split it, and try again.`
    );

  const findings: Finding[] = [];
  const capped = new CappedFindings(findings, options.maxFindingsPerSheet ?? 20);
  const props = wb.Workbook?.Sheets ?? [];
  // SheetJS reads neither hidden rows and columns nor hidden sheets from .ods, and leaves XML
  // escapes in its sheet names ("Budget &amp; plan"): those are read here (./odsLayout.ts).
  const layouts =
    sniffed.format === "ods" && sniffed.zip
      ? await readOdsLayout(bytes, sniffed.zip.entries)
      : undefined;
  const layoutOf = (name: string, i: number): OdsSheetLayout | undefined =>
    layouts?.length === wb.SheetNames.length ? layouts[i] : layouts?.find((l) => l.name === name);
  const worksheets = wb.SheetNames.map((name, i) => {
    const layout = layoutOf(name, i);
    return {
      name: layout?.name || name,
      ws: wb.Sheets[name],
      hidden: layout?.hidden ? 1 : props[i]?.Hidden,
      layout,
    };
  }).filter((s) => s.ws && (s.ws["!type"] === undefined || s.ws["!type"] === "sheet"));
  if (worksheets.length === 0)
    throw new UnreadableWorkbookError(
      "corrupt",
      `The ${FORMAT_NAMES[sniffed.format]} could not be read: it holds no worksheet. Open it in Excel or LibreOffice, save it again, and try again.`
    );
  const owned = ownedSheetsFromNames(
    definedNamesOf(wb),
    worksheets.map((w) => w.name)
  );
  const tally: FormulaTally = { withResult: 0, withoutResult: 0 };
  const ctx: SheetContext = {
    date1904: !!wb.Workbook?.WBProps?.date1904,
    ...(csv ? { csv } : {}),
    findings: capped,
    tally,
  };
  const sheets: SheetGrid[] = [];
  try {
    for (const w of worksheets)
      sheets.push(
        sheetToGrid(
          w.name,
          w.ws,
          visibilityOf(w.hidden),
          owned.has(w.name.toLowerCase()),
          ctx,
          w.layout
        )
      );
  } catch (e) {
    throw failure(e, sniffed.format);
  }
  capped.summarise((code, sheet, more) =>
    code === "CELL_ERROR_VALUE"
      ? finding(
          "warning",
          code,
          `${sheet} shows ${formatCount(more)} more error values besides those listed.`,
          { sheet }
        )
      : undefined
  );
  const notCalculated = notCalculatedFinding(tally);
  if (notCalculated) findings.push(notCalculated);

  const roles = new Map<string, SheetRole>();
  for (const s of sheets) {
    const role = owned.get(s.name.toLowerCase());
    if (role) roles.set(s.name, role);
  }
  const workbook: WorkbookGrid = fileName ? { sheets, fileName } : { sheets };
  return { workbook, findings, roles, format: sniffed.format };
}

/** The reader under its first name: it reads every format readSpreadsheet reads. */
export const xlsxToGrid = readSpreadsheet;

const FORMAT_NAMES: Readonly<Record<SpreadsheetFormat, string>> = {
  xlsx: "Excel workbook",
  xlsb: "Excel binary workbook (.xlsb)",
  xls: "Excel 97-2003 workbook (.xls)",
  ods: "OpenDocument spreadsheet (.ods)",
  csv: "text file",
  xml2003: "Excel 2003 XML spreadsheet",
  html: "web page table",
};

/** Turns what SheetJS or the runtime threw into a plain-English UnreadableWorkbookError. */
function failure(e: unknown, format: SpreadsheetFormat): UnreadableWorkbookError {
  if (e instanceof UnreadableWorkbookError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  if (
    e instanceof RangeError ||
    /invalid (string|array) length|allocation failed|out of memory/i.test(detail)
  )
    return new UnreadableWorkbookError(
      "tooLarge",
      `The workbook is too large to read in the memory available (${detail.split("\n")[0]}). Remove unused sheets or rows, or split it, and try again.`,
      detail
    );
  // SheetJS's words for a workbook encrypted with a password ("Unsupported ZIP encryption" is
  // not one: the zip directory was checked, so that is damage in a part's header).
  if (/password|ODS Encryption|EncryptionInfo|Encryption (scheme|Flags)/i.test(detail))
    return new UnreadableWorkbookError("encrypted", ENCRYPTED, detail);
  return new UnreadableWorkbookError(
    "corrupt",
    `The ${FORMAT_NAMES[format]} could not be read: its contents are damaged or incomplete (${detail.split("\n")[0]}). Open it in Excel or LibreOffice, save it again, and try again.`,
    detail
  );
}
